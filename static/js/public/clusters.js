/* The map's tiles and their clusters (mapping/public/tiles.py), without a plugin:
   - BfClusters.tilesInView(map): the z/x/y of the 256-pixel web-mercator tiles the view covers;
   - BfClusters.marker(feature, options): a cluster as a keyboard-focusable marker: the count in a
     circle ringed by the share of each symbol of the profile (the legend's colours), named for a
     screen reader ("42 places: Accessible 30, …"); a click or Enter calls options.zoomTo.
   Everything is built with DOM nodes: no server value becomes markup. */
window.BfClusters = (function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var TILE = 256;
  // The ring's order and colours: those of the legend's symbols (templates/public/_symbols.html).
  var COLOURS = {
    accessible: "#009E73",
    partly: "#E69F00",
    inaccessible: "#D55E00",
    unknown: "#FFFFFF",
    features: "#0072B2",
    nofeatures: "#FFFFFF",
    barrier: "#000000",
  };
  var ORDER = Object.keys(COLOURS);

  function tilesInView(map) {
    var z = Math.round(map.getZoom());
    var bounds = map.getPixelBounds();
    var last = Math.pow(2, z) - 1;
    function clamp(value) { return Math.min(Math.max(value, 0), last); }
    var tiles = [];
    var x0 = clamp(Math.floor(bounds.min.x / TILE));
    var x1 = clamp(Math.floor((bounds.max.x - 1) / TILE));
    var y0 = clamp(Math.floor(bounds.min.y / TILE));
    var y1 = clamp(Math.floor((bounds.max.y - 1) / TILE));
    for (var y = y0; y <= y1; y++) {
      for (var x = x0; x <= x1; x++) { tiles.push({ z: z, x: x, y: y }); }
    }
    return tiles;
  }

  function svgNode(name, attributes) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  function sizeFor(count) {
    return Math.round(Math.min(56, 34 + 6 * Math.log10(Math.max(count, 1))));
  }

  // The ring: one arc per symbol, its length the symbol's share of the cluster.
  function ring(categories, count, size) {
    var svg = svgNode("svg", {
      width: size, height: size, viewBox: "0 0 " + size + " " + size,
      "aria-hidden": "true", focusable: "false",
    });
    var centre = size / 2;
    var radius = centre - 5;
    var length = 2 * Math.PI * radius;
    svg.appendChild(svgNode("circle", {
      cx: centre, cy: centre, r: centre - 1, fill: "#000000",
    }));
    var offset = 0;
    ORDER.forEach(function (symbol) {
      var share = (categories[symbol] || 0) / count;
      if (!share) { return; }
      svg.appendChild(svgNode("circle", {
        cx: centre, cy: centre, r: radius, fill: "none", stroke: COLOURS[symbol],
        "stroke-width": 7, "stroke-dasharray": (share * length) + " " + length,
        "stroke-dashoffset": String(-offset), transform: "rotate(-90 " + centre + " " + centre + ")",
      }));
      offset += share * length;
    });
    svg.appendChild(svgNode("circle", {
      cx: centre, cy: centre, r: radius - 4, fill: "#0B4F9C", stroke: "#FFFFFF",
      "stroke-width": 1.5,
    }));
    return svg;
  }

  // "Accessible 30, Partly accessible 10, …" in the ring's order.
  function parts(categories, labels, number) {
    return ORDER.filter(function (symbol) { return categories[symbol]; })
      .map(function (symbol) { return (labels[symbol] || symbol) + " " + number(categories[symbol]); })
      .join(", ");
  }

  // options: labels (text per symbol), name(count, parts) -> the accessible name,
  // number(n) -> n written for the page's language, zoomTo(latlng).
  function marker(feature, options) {
    var properties = feature.properties;
    var count = properties.count;
    var size = sizeFor(count);
    var name = options.name(count, parts(properties.categories, options.labels, options.number));
    var box = document.createElement("span");
    box.className = "cluster-symbol";
    box.appendChild(ring(properties.categories, count, size));
    var shown = document.createElement("span");
    shown.className = "cluster-count";
    shown.setAttribute("aria-hidden", "true");
    shown.textContent = options.number(count);
    box.appendChild(shown);
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = name;
    box.appendChild(hidden);
    var latlng = L.latLng(feature.geometry.coordinates[1], feature.geometry.coordinates[0]);
    var result = L.marker(latlng, {
      icon: L.divIcon({
        html: box, className: "place-cluster", iconSize: [size, size],
        iconAnchor: [size / 2, size / 2],
      }),
      keyboard: true,
      title: name,
      zIndexOffset: 100,
    });
    result.count = count;
    result.on("click", function () { options.zoomTo(latlng, false); });
    result.on("keypress", function (event) {
      var key = event.originalEvent.key;
      if (key === "Enter" || key === " ") {
        event.originalEvent.preventDefault();
        options.zoomTo(latlng, true);
      }
    });
    return result;
  }

  return { tilesInView: tilesInView, marker: marker, size: TILE };
})();
