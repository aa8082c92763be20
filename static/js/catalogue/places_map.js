/* The small map of a provider's or a service's premises: one shape-coded marker per place.
   The same places are listed in the page with words, so the map is never the only way in.
   Works without tiles (they never load on offline machines). */
(function () {
  "use strict";

  var element = document.getElementById("catalogue-map");
  var source = document.getElementById("catalogue-map-config");
  if (!element || !source || !window.BfMap) { return; }
  var config = JSON.parse(source.textContent);
  var SHAPES = {
    accessible: '<circle cx="12" cy="12" r="9" fill="#1a7f37" stroke="#fff" stroke-width="2"/>',
    partly: '<rect x="3" y="3" width="18" height="18" fill="#9a6700" stroke="#fff" stroke-width="2"/>',
    inaccessible: '<polygon points="12,2 22,21 2,21" fill="#b3261e" stroke="#fff" stroke-width="2"/>',
    "": '<rect x="2" y="9" width="20" height="6" fill="#555" stroke="#fff" stroke-width="2"/>',
  };

  function icon(category) {
    return L.divIcon({
      className: "place-marker",
      html: '<svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">' +
        (SHAPES[category] || SHAPES[""]) + "</svg>",
      iconSize: [24, 24],
      iconAnchor: [12, 12],
    });
  }

  function popup(place) {
    // DOM text nodes: a place's name is data, never markup.
    var box = Bf.el("div");
    box.appendChild(Bf.el("strong", null, place.name));
    box.appendChild(Bf.el("p", null, config.labels[place.wheelchair] || config.labels[""]));
    return box;
  }

  var map = BfMap.makeMap(element);
  var markers = config.places.map(function (place) {
    var label = place.name + " – " + (config.labels[place.wheelchair] || config.labels[""]);
    return L.marker([place.lat, place.lon], {
      icon: icon(place.wheelchair),
      title: label,
      alt: label,
      keyboard: true,
    }).bindPopup(popup(place)).addTo(map);
  });
  if (markers.length) {
    map.fitBounds(L.featureGroup(markers).getBounds(), { maxZoom: 17, padding: [24, 24] });
  }
  element.dataset.loaded = String(markers.length);
})();
