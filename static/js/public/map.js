/* The public map: published places from the SQL layer, drawn with symbols that differ in shape
   and pattern, clustered where dense; filters in a GET form mirrored into the URL; a search box;
   the visitor's position on request. Works without tiles. Every place value reaches the page as
   text (textContent, title), never as markup. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("map-config").textContent);
  var MOBILITY = ["wheelchair", "seniors", "pram"];
  var form = document.getElementById("filters");
  var statusLine = document.getElementById("places-status");
  var listLink = document.getElementById("list-link");
  var mapElement = document.getElementById("map");

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_match, key) {
      return String(values[key]);
    });
  }

  function el(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  function currentProfile() {
    var checked = form.querySelector("input[name=profile]:checked");
    return checked ? checked.value : "wheelchair";
  }

  function isMobility(profile) { return MOBILITY.indexOf(profile) !== -1; }

  function symbolFor(properties, profile) {
    if (isMobility(profile)) { return properties[profile] || "unknown"; }
    return properties.features && properties.features.length ? "features" : "nofeatures";
  }

  function describe(properties, profile) {
    if (isMobility(profile)) {
      var category = properties[profile];
      return config.profiles[profile] + ": " +
        (category ? config.categories[category] : config.text.no_category);
    }
    var labels = config.features[profile] || {};
    var present = (properties.features || []).map(function (key) { return labels[key] || key; });
    return config.profiles[profile] + ": " +
      (present.length ? present.join(", ") : config.text.no_features);
  }

  function icon(symbol) {
    // A constant string: no place data goes into icon markup.
    return L.divIcon({
      className: "place-marker place-marker-" + symbol,
      html: '<svg width="26" height="26" aria-hidden="true" focusable="false">' +
        '<use href="#sym-' + symbol + '"></use></svg>',
      iconSize: [26, 26],
      iconAnchor: [13, 13],
      popupAnchor: [0, -12],
    });
  }

  function detailUrl(id) {
    return config.detail_url.replace(/0\/$/, String(Number(id)) + "/");
  }

  function popupContent(feature, profile) {
    var box = el("div", null, { "class": "popup" });
    box.appendChild(el("strong", feature.properties.name, { "class": "popup-name" }));
    box.appendChild(el("p", describe(feature.properties, profile)));
    if (feature.properties.toilet) { box.appendChild(el("p", config.text.toilet)); }
    var link = el("a", config.text.open_detail, { href: detailUrl(feature.id) });
    box.appendChild(link);
    return box;
  }

  // The map. Tiles are decoration: the places are drawn whether or not they load.
  var map = L.map("map", { keyboard: true, zoomControl: true })
    .setView(config.center, config.zoom);
  L.tileLayer(config.tiles_url, { attribution: config.attribution, maxZoom: 19 }).addTo(map);

  var clusters = L.markerClusterGroup({
    disableClusteringAtZoom: 17,
    showCoverageOnHover: false,
    chunkedLoading: true,
    iconCreateFunction: function (cluster) {
      var count = cluster.getChildCount();
      var box = el("span", null, { "class": "cluster-box" });
      box.appendChild(el("span", count, { "aria-hidden": "true" }));
      box.appendChild(el("span", format(config.text.cluster, { count: count }),
        { "class": "visually-hidden" }));
      return L.divIcon({ html: box, className: "place-cluster", iconSize: [36, 36] });
    },
  });
  map.addLayer(clusters);

  function draw(collection) {
    var profile = currentProfile();
    clusters.clearLayers();
    var markers = collection.features.map(function (feature) {
      var coordinates = feature.geometry.coordinates;
      var marker = L.marker([coordinates[1], coordinates[0]], {
        icon: icon(symbolFor(feature.properties, profile)),
        title: feature.properties.name + " – " + describe(feature.properties, profile),
        keyboard: true,
      });
      marker.bindPopup(function () { return popupContent(feature, profile); });
      marker.on("popupopen", function (event) {
        var link = event.popup.getElement().querySelector(".popup a");
        if (link) { link.focus(); }
      });
      return marker;
    });
    clusters.addLayers(markers);
    var count = collection.features.length;
    statusLine.textContent = collection.truncated ?
      format(config.text.truncated, { count: count }) :
      format(config.text.count, { count: count });
    mapElement.dataset.loaded = String(count);
  }

  function filterParams() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (name !== "q" && value !== "") { params.append(name, value); }
    });
    return params;
  }

  function clampedBounds() {
    var bounds = map.getBounds();
    var west = Math.max(bounds.getWest(), -180);
    var east = Math.min(bounds.getEast(), 180);
    var south = Math.max(bounds.getSouth(), -90);
    var north = Math.min(bounds.getNorth(), 90);
    if (east - west > config.max_bbox || north - south > config.max_bbox) { return null; }
    return [west, south, east, north].map(function (value) { return value.toFixed(5); });
  }

  var pending = null;

  function load() {
    var bbox = clampedBounds();
    if (!bbox) {
      clusters.clearLayers();
      statusLine.textContent = config.text.zoom_in;
      return;
    }
    var params = filterParams();
    params.set("bbox", bbox.join(","));
    params.set("zoom", String(map.getZoom()));
    if (pending) { pending.abort(); }
    pending = new AbortController();
    mapElement.dataset.loaded = "";
    fetch(config.layer_url + "?" + params.toString(), {
      headers: { Accept: "application/geo+json" },
      signal: pending.signal,
    })
      .then(function (response) {
        if (response.status === 400) {
          return response.json().then(function (body) {
            throw new Error(format(config.text.bad_filters, { message: body.error }));
          });
        }
        if (!response.ok) { throw new Error(config.text.error); }
        return response.json();
      })
      .then(function (collection) {
        draw(collection);
      })
      .catch(function (error) {
        if (error.name === "AbortError") { return; }
        statusLine.textContent = error.message || config.text.error;
      });
  }

  // The URL always holds the filters and the view, so that it can be shared and bookmarked.
  function writeUrl() {
    var params = filterParams();
    var centre = map.getCenter();
    params.set("lat", centre.lat.toFixed(5));
    params.set("lon", centre.lng.toFixed(5));
    params.set("z", String(map.getZoom()));
    if (config.embed) { params.set("embed", "1"); }
    history.replaceState(null, "", window.location.pathname + "?" + params.toString());
    var listParams = filterParams();
    listParams.set("lat", centre.lat.toFixed(5));
    listParams.set("lon", centre.lng.toFixed(5));
    listLink.href = config.list_url + "?" + listParams.toString();
  }

  function showLegend() {
    var mobility = isMobility(currentProfile());
    document.getElementById("legend-mobility").hidden = !mobility;
    document.getElementById("legend-sensory").hidden = mobility;
  }

  form.addEventListener("change", function () {
    showLegend();
    writeUrl();
    load();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    writeUrl();
    load();
  });
  map.on("moveend", function () {
    writeUrl();
    load();
  });

  // The visitor's position, only when asked for.
  var positionMarker = null;
  document.getElementById("locate").addEventListener("click", function () {
    if (!navigator.geolocation) {
      statusLine.textContent = format(config.text.locate_error, { message: "" });
      return;
    }
    statusLine.textContent = config.text.locating;
    navigator.geolocation.getCurrentPosition(function (position) {
      var latlng = [position.coords.latitude, position.coords.longitude];
      if (positionMarker) { map.removeLayer(positionMarker); }
      positionMarker = L.circleMarker(latlng, {
        radius: 9, color: "#000", weight: 3, fillColor: "#56B4E9", fillOpacity: 1,
      }).bindTooltip(config.text.you_are_here).addTo(map);
      map.setView(latlng, Math.max(map.getZoom(), 16));
      statusLine.textContent = config.text.located;
    }, function (error) {
      statusLine.textContent = format(config.text.locate_error, { message: error.message });
    }, { enableHighAccuracy: true, timeout: 15000 });
  });

  // The search box: ranked results as links to the details; without JS it opens the list.
  var searchForm = document.getElementById("search");
  var results = document.getElementById("search-results");
  searchForm.addEventListener("submit", function (event) {
    var query = document.getElementById("search-q").value.trim();
    if (!query) { return; }
    event.preventDefault();
    var centre = map.getCenter();
    var params = new URLSearchParams({ q: query, lat: centre.lat, lon: centre.lng });
    fetch(config.search_url + "?" + params.toString(), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        results.textContent = "";
        var items = body.results || [];
        results.appendChild(el("p", items.length ?
          format(config.text.results, { count: items.length }) :
          format(config.text.no_results, { query: query }), { "class": "status" }));
        if (!items.length) { return; }
        var list = el("ol", null, { "class": "search-list" });
        items.forEach(function (item) {
          var row = el("li");
          row.appendChild(el("a", item.name, { href: item.url }));
          if (item.address) { row.appendChild(el("span", " – " + item.address)); }
          var show = el("button", config.text.show_on_map, { type: "button", "class": "link-button" });
          show.addEventListener("click", function () { map.setView([item.lat, item.lon], 18); });
          row.appendChild(document.createTextNode(" "));
          row.appendChild(show);
          list.appendChild(row);
        });
        results.appendChild(list);
      })
      .catch(function () { results.textContent = config.text.error; });
  });

  showLegend();
  writeUrl();
  load();
})();
