/* The minimal public map: published places from the SQL layer, drawn with shape-coded symbols,
   and the same places as a list for keyboard and screen-reader users. Works without tiles. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("map-config").textContent);
  var SHAPES = {
    accessible: '<circle cx="12" cy="12" r="9" fill="#1a7f37" stroke="#fff" stroke-width="2"/>',
    partly: '<rect x="3" y="3" width="18" height="18" fill="#9a6700" stroke="#fff" stroke-width="2"/>',
    inaccessible: '<polygon points="12,2 22,21 2,21" fill="#b3261e" stroke="#fff" stroke-width="2"/>',
  };

  function icon(category) {
    var shape = SHAPES[category] || SHAPES.inaccessible;
    return L.divIcon({
      className: "place-marker",
      html: '<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">' + shape + "</svg>",
      iconSize: [24, 24],
      iconAnchor: [12, 12],
    });
  }

  function popupContent(feature) {
    // Built from DOM text nodes: a place's name is data, never markup.
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = feature.properties.name;
    box.appendChild(title);
    var line = document.createElement("p");
    line.textContent = config.labels[feature.properties.wheelchair] || "";
    box.appendChild(line);
    return box;
  }

  var map = L.map("map", { keyboard: true }).setView(config.center, config.zoom);
  L.tileLayer(config.tiles_url, { attribution: config.attribution, maxZoom: 19 }).addTo(map);

  var status = document.getElementById("places-status");
  var list = document.getElementById("places-list");

  fetch(config.layer_url, { headers: { Accept: "application/geo+json" } })
    .then(function (response) {
      if (!response.ok) { throw new Error(response.statusText); }
      return response.json();
    })
    .then(function (collection) {
      var layer = L.geoJSON(collection, {
        pointToLayer: function (feature, latlng) {
          var marker = L.marker(latlng, {
            icon: icon(feature.properties.wheelchair),
            title: feature.properties.name,
            alt: feature.properties.name,
            keyboard: true,
          });
          marker.bindPopup(popupContent(feature));
          return marker;
        },
      }).addTo(map);
      collection.features.forEach(function (feature) {
        var item = document.createElement("li");
        item.textContent = feature.properties.name + " – " +
          (config.labels[feature.properties.wheelchair] || "");
        list.appendChild(item);
      });
      status.textContent = config.count_label.replace("%s", collection.features.length);
      if (collection.features.length) { map.fitBounds(layer.getBounds(), { maxZoom: 17 }); }
      document.getElementById("map").dataset.loaded = String(collection.features.length);
    })
    .catch(function () { status.textContent = config.error_label; });
})();
