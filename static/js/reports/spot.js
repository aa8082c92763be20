/* The report form's spot picker: a click or tap on the map marks the spot; by keyboard the
   marker moves with the arrow keys (Shift: five times further) and Enter marks it where it
   stands; "Use my position" asks the browser. Every way fills the latitude and longitude
   fields, which stay for typing, and typing in them moves the marker. Without this script the
   fields alone remain. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("spot-config").textContent);
  var latitude = document.getElementById("id_latitude");
  var longitude = document.getElementById("id_longitude");
  var mapElement = document.getElementById("spot-map");
  var statusLine = document.getElementById("spot-status");
  var STEP_PX = 10;
  var FAR = 5;
  var MARKED_ZOOM = 18;

  function typed() {
    var lat = parseFloat(latitude.value.replace(",", "."));
    var lon = parseFloat(longitude.value.replace(",", "."));
    if (isNaN(lat) || isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) { return null; }
    return L.latLng(lat, lon);
  }

  mapElement.hidden = false;
  document.getElementById("spot-tools").hidden = false;
  var start = typed();
  var site = BfMap.settings();
  var map = BfMap.makeMap(mapElement, {
    center: start || site.center,
    zoom: start ? MARKED_ZOOM : site.zoom,
    map: { scrollWheelZoom: false },
  });

  var marked = Boolean(start);
  // A constant string: no value from the page goes into icon markup.
  var marker = L.marker(start || map.getCenter(), {
    icon: L.divIcon({
      className: "spot-marker" + (marked ? "" : " spot-marker-unset"),
      html: '<svg width="30" height="30" aria-hidden="true" focusable="false">' +
        '<use href="#sym-spot"></use></svg>',
      iconSize: [30, 30],
      iconAnchor: [15, 28],
    }),
    keyboard: true,
    draggable: true,
    autoPanOnFocus: true,
    title: marked ? config.text.marker : config.text.unset,
  }).addTo(map);

  function describe(latlng) {
    return config.text.marked.replace("%(lat)s", latlng.lat.toFixed(5))
      .replace("%(lon)s", latlng.lng.toFixed(5));
  }

  function mark(latlng, message) {
    if (!marked) {
      marked = true;
      L.DomUtil.removeClass(marker.getElement(), "spot-marker-unset");
      marker.getElement().title = config.text.marker;
    }
    marker.setLatLng(latlng);
    latitude.value = latlng.lat.toFixed(6);
    longitude.value = latlng.lng.toFixed(6);
    statusLine.textContent = message || describe(latlng);
  }

  // Until a spot is marked the marker waits in the middle of the map, wherever it is moved.
  map.on("move", function () {
    if (!marked) { marker.setLatLng(map.getCenter()); }
  });
  map.on("click", function (event) { mark(event.latlng); });
  marker.on("dragend", function () { mark(marker.getLatLng()); });

  var OFFSETS = {
    ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0],
  };

  function onMarkerKey(event) {
    var offset = OFFSETS[event.key];
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      mark(marker.getLatLng());
      return;
    }
    if (!offset) { return; }
    event.preventDefault();
    var step = STEP_PX * (event.shiftKey ? FAR : 1);
    var point = map.latLngToContainerPoint(marker.getLatLng())
      .add(L.point(offset[0] * step, offset[1] * step));
    var latlng = map.containerPointToLatLng(point);
    mark(latlng);
    map.panInside(latlng, { padding: [40, 40] });
  }
  marker.getElement().addEventListener("keydown", onMarkerKey);

  function onTyped() {
    var latlng = typed();
    if (!latlng) { return; }
    mark(latlng);
    map.setView(latlng, Math.max(map.getZoom(), MARKED_ZOOM));
  }
  latitude.addEventListener("change", onTyped);
  longitude.addEventListener("change", onTyped);

  document.getElementById("spot-locate").addEventListener("click", function () {
    Bf.locate(config.text.position, function (text) { statusLine.textContent = text; },
      function (position) {
        var latlng = L.latLng(position.coords.latitude, position.coords.longitude);
        map.setView(latlng, MARKED_ZOOM);
        var metres = Math.max(1, Math.round(position.coords.accuracy || 0));
        mark(latlng, Bf.format(config.text.located, { metres: metres }));
      });
  });
})();
