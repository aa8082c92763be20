/* The small map of a place's entrances: step-free ones as circles, those with steps as
   triangles, unrecorded ones as dashed diamonds (the same symbols as the main map). */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("detail-config").textContent);
  var place = [config.place.lat, config.place.lon];
  var map = BfMap.makeMap("detail-map", {
    center: place, zoom: 18, map: { scrollWheelZoom: false },
  });

  function icon(symbol) {
    return L.divIcon({
      className: "place-marker",
      html: '<svg width="26" height="26" aria-hidden="true" focusable="false">' +
        '<use href="#sym-' + symbol + '"></use></svg>',
      iconSize: [26, 26],
      iconAnchor: [13, 13],
    });
  }

  var points = [place];
  if (!config.entrances.length) {
    L.marker(place, { icon: icon("unknown"), title: config.place.name, keyboard: true }).addTo(map);
  }
  config.entrances.forEach(function (entrance) {
    var latlng = [entrance.lat, entrance.lon];
    points.push(latlng);
    var known = entrance.step_free !== null;
    var text = entrance.label + " – " + (!known ? config.text.unknown :
      entrance.step_free ? config.text.step_free : config.text.not_step_free);
    L.marker(latlng, {
      icon: icon(!known ? "unknown" : entrance.step_free ? "accessible" : "inaccessible"),
      title: text,
      keyboard: true,
    }).addTo(map);
  });
  if (points.length > 1) { map.fitBounds(points, { maxZoom: 19, padding: [30, 30] }); }
})();
