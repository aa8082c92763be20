/* The public map's layer of reported barriers (published reports from the public): a yellow pin
   with an exclamation mark each, its popup with what was reported and its dates. It extends the
   public map (#map) when BfMap announces it with its "map:init" event (static/js/map.js); the
   visitor turns it off with its checkbox. Report texts reach the page as text
   (textContent, title), never as markup. */
(function () {
  "use strict";

  var configElement = document.getElementById("reports-layer-config");
  if (!configElement) { return; }
  var config = JSON.parse(configElement.textContent);

  function icon() {
    // A constant string: no report data goes into icon markup.
    return L.divIcon({
      className: "place-marker report-marker",
      html: '<svg width="28" height="28" aria-hidden="true" focusable="false">' +
        '<use href="#sym-report"></use></svg>',
      iconSize: [28, 28],
      iconAnchor: [14, 27],
      popupAnchor: [0, -26],
    });
  }

  var el = Bf.el;
  var format = Bf.format;

  function heading(properties) {
    if (properties.lift) { return config.text.lift; }
    return properties.temporary ? config.text.temporary : config.text.title;
  }

  function popupContent(properties) {
    var box = el("div", { "class": "popup report-popup", tabindex: "-1" });
    box.appendChild(el("strong", { "class": "popup-name" }, heading(properties)));
    box.appendChild(el("p", null, properties.text));
    if (properties.validity) {
      box.appendChild(el("p", { "class": "report-validity" }, properties.validity));
    }
    if (properties.place) {
      var line = el("p");
      line.appendChild(el("a", { href: properties.place.url },
        config.text.open_place + ": " + properties.place.name));
      box.appendChild(line);
    }
    return box;
  }

  function start(map) {
    var toggle = document.getElementById("layer-reports");
    var statusLine = document.getElementById("reports-status");
    var mapElement = map.getContainer();
    var layer = L.layerGroup();
    var loaded = false;

    function addMarker(feature) {
      var properties = feature.properties;
      var coordinates = feature.geometry.coordinates;
      var marker = L.marker([coordinates[1], coordinates[0]], {
        icon: icon(),
        title: [heading(properties), properties.text.slice(0, 80), properties.validity]
          .filter(Boolean).join(" – "),
        keyboard: true,
        zIndexOffset: 900,
      });
      marker.bindPopup(function () { return popupContent(properties); });
      marker.on("popupopen", function (event) {
        var box = event.popup.getElement();
        (box.querySelector(".report-popup a") || box.querySelector(".report-popup")).focus();
        if (box.dataset.escape) { return; }
        // Escape returns to the marker; map.js need not know about this layer's popups.
        box.dataset.escape = "1";
        box.addEventListener("keydown", function (keyEvent) {
          if (keyEvent.key !== "Escape") { return; }
          keyEvent.stopPropagation();
          map.closePopup();
          marker.getElement().focus();
        });
      });
      layer.addLayer(marker);
    }

    var summary = "";

    function draw(collection) {
      collection.features.forEach(addMarker);
      var count = collection.features.length;
      // Nothing reported: nothing said, so that the status line stays quiet for screen readers.
      summary = !count ? "" :
        format(collection.truncated ? config.text.truncated : config.text.count, { count: count });
      statusLine.textContent = summary;
      mapElement.dataset.reports = String(count);
    }

    function load() {
      loaded = true;
      fetch(config.url, { headers: { Accept: "application/geo+json" } })
        .then(function (response) {
          if (!response.ok) { throw new Error(config.text.error); }
          return response.json();
        })
        .then(draw)
        .catch(function () {
          loaded = false;
          statusLine.textContent = config.text.error;
        });
    }

    function apply() {
      if (!toggle.checked) {
        map.removeLayer(layer);
        statusLine.textContent = "";
        return;
      }
      layer.addTo(map);
      if (loaded) { statusLine.textContent = summary; } else { load(); }
    }

    toggle.addEventListener("change", apply);
    apply();
  }

  window.addEventListener("map:init", function (event) {
    if (event.detail.map.getContainer().id === "map") { start(event.detail.map); }
  });
})();
