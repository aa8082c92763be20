/* The public map: published places in tiles (mapping/public/tiles.py), drawn with symbols that
   differ in shape and pattern; below a town's zoom, clusters with their count and the share of
   each category (static/js/public/clusters.js), so that every place is represented at every zoom;
   the catalogue's social services as a layer the visitor turns on; filters in a GET form mirrored into the URL; a search box; the visitor's position on
   request; `?place=<id>` opens that place. Works without tiles. Every place value reaches the page
   as text (textContent, title), never as markup. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("map-config").textContent);
  var MOBILITY = ["wheelchair", "seniors", "pram"];
  var form = document.getElementById("filters");
  var statusLine = document.getElementById("places-status");
  var listLink = document.getElementById("list-link");
  var mapElement = document.getElementById("map");
  var servicesToggle = document.getElementById("layer-services");
  var servicesStatus = document.getElementById("services-status");
  // The place a link asks to open (`?place=<id>`); it stays in the URL while its popup is open.
  var focus = config.focus;

  var el = Bf.el;
  var format = Bf.format;

  function currentProfile() {
    var checked = form.querySelector("input[name=profile]:checked");
    return checked ? checked.value : "wheelchair";
  }

  function isMobility(profile) { return MOBILITY.indexOf(profile) !== -1; }

  function symbolFor(properties, profile) {
    if (properties.barrier) { return "barrier"; }
    if (isMobility(profile)) { return properties[profile] || "unknown"; }
    return properties.features && properties.features.length ? "features" : "nofeatures";
  }

  var language = document.documentElement.lang || "cs";

  function number(value) {
    return Number(value).toLocaleString(language);
  }

  // A text in the plural form of `count`: the forms come from Django's ngettext for 1, 2 and 5.
  var pluralRules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(language) : null;
  function plural(forms, count, values) {
    var rule = pluralRules ? pluralRules.select(count) : (count === 1 ? "one" : "other");
    return format(forms[rule] || forms.other, Object.assign({ count: number(count) }, values));
  }

  // A barrier for the visitor's own limits, in words: why, from the measured entrances.
  function describeBarrier(properties) {
    var parts = [config.text.barrier];
    if (properties.step_cm !== null && properties.step_cm !== undefined) {
      parts.push(format(config.text.barrier_step, { value: number(properties.step_cm) }));
    }
    if (properties.door_cm !== null && properties.door_cm !== undefined) {
      parts.push(format(config.text.barrier_door, { value: number(properties.door_cm) }));
    }
    return parts.join(" ");
  }

  function describe(properties, profile) {
    var text = describeCategory(properties, profile);
    return properties.barrier ? describeBarrier(properties) + " " + text : text;
  }

  function describeCategory(properties, profile) {
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

  // Each symbol's drawing built once and copied for every marker: parsing markup for each of
  // thousands of places costs more than copying nodes.
  var iconDrawings = {};
  function iconDrawing(symbol) {
    if (!iconDrawings[symbol]) {
      var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("width", "26");
      svg.setAttribute("height", "26");
      svg.setAttribute("aria-hidden", "true");
      svg.setAttribute("focusable", "false");
      var use = document.createElementNS("http://www.w3.org/2000/svg", "use");
      use.setAttribute("href", "#sym-" + symbol);
      svg.appendChild(use);
      iconDrawings[symbol] = svg;
    }
    return iconDrawings[symbol].cloneNode(true);
  }

  function icon(symbol) {
    return L.divIcon({
      className: "place-marker place-marker-" + symbol,
      html: iconDrawing(symbol),
      iconSize: [26, 26],
      iconAnchor: [13, 13],
      popupAnchor: [0, -12],
    });
  }

  // An embedded map speaks the language its snippet chose, in what it asks the server for and
  // in the pages it opens (mapping/language.py); those open in a new tab, out of the frame.
  function inLanguage(params) {
    if (config.embed) { params.set("lang", config.language); }
    return params;
  }

  function withQuery(url, params) {
    var query = inLanguage(params).toString();
    return query ? url + "?" + query : url;
  }

  function pageLink(href, text) {
    return el("a", config.embed ? { href: href, target: "_blank", rel: "noopener" } : { href: href },
      text);
  }

  function detailUrl(id) {
    // The visitor's limits go along, so the detail says whether the place is within them.
    var url = config.detail_url.replace(/0\/$/, String(Number(id)) + "/");
    var limits = new URLSearchParams();
    config.limit_names.forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field && field.value !== "") { limits.append(name, field.value); }
    });
    return withQuery(url, limits);
  }

  function serviceUrl(id) {
    return withQuery(config.service_url.replace(/0\/$/, String(Number(id)) + "/"),
      new URLSearchParams());
  }

  function popupContent(feature, profile) {
    var box = el("div", { "class": "popup" });
    box.appendChild(el("strong", { "class": "popup-name" }, feature.properties.name));
    box.appendChild(el("p", null, describe(feature.properties, profile)));
    if (feature.properties.toilet) { box.appendChild(el("p", null, config.text.toilet)); }
    var link = pageLink(detailUrl(feature.id), config.text.open_detail);
    box.appendChild(link);
    return box;
  }

  // The map. Tiles are decoration: the places are drawn whether or not they load.
  var map = BfMap.makeMap("map", { center: config.center, zoom: config.zoom });

  // Which place's popup is open, so that it stays open when the layer is redrawn after a move
  // (a popup near the edge pans the map, and the move reloads the layer).
  var openId = null;
  var redrawing = false;
  var markersById = {};

  // The marker whose popup is open: Escape in the popup closes it and returns there.
  var popupSource = null;

  function focusPopup(marker) {
    popupSource = marker;
    var link = marker.getPopup().getElement().querySelector(".popup a");
    if (link) { link.focus(); }
  }

  function focusFirstLink(event) { focusPopup(event.target); }

  // A redraw takes the open popup away with its marker, and the keyboard's focus with it.
  function focusInPopup() {
    var active = document.activeElement;
    return Boolean(active && active.closest && active.closest("#map .leaflet-popup"));
  }

  // Escape in a popup, or with the focus lost to <body> while one is open, closes it and
  // returns to its marker.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var inPopup = event.target.closest && event.target.closest("#map .leaflet-popup");
    var lost = event.target === document.body && mapElement.querySelector(".leaflet-popup");
    if (!inPopup && !lost) { return; }
    var source = popupSource;
    map.closePopup();
    var element = source && source.getElement ? source.getElement() : null;
    if (element) { element.focus(); }
  });

  // The places and clusters of the tiles in view.
  var clusters = L.layerGroup().addTo(map);

  // A cluster zooms in on its places: two zooms (a cell becomes a tile), or to the zoom where
  // the places show. From the keyboard the focus goes to the map, so that Tab reaches them.
  function zoomTo(latlng, fromKeyboard) {
    var zoom = map.getZoom();
    var target = zoom + 2 >= config.places_zoom - 1 ?
      Math.max(config.places_zoom, zoom + 1) : zoom + 2;
    map.setView(latlng, Math.min(target, map.getMaxZoom()));
    if (fromKeyboard) { mapElement.focus(); }
  }

  function clusterMarker(feature) {
    return window.BfClusters.marker(feature, {
      labels: config.symbols,
      number: number,
      name: function (count, parts) { return plural(config.text.cluster, count, { parts: parts }); },
      zoomTo: zoomTo,
    });
  }

  // How many places the symbols in the visible part of the map stand for.
  function countInView(layers) {
    var bounds = map.getBounds();
    return layers.reduce(function (sum, layer) {
      return bounds.contains(layer.getLatLng()) ? sum + (layer.count || 1) : sum;
    }, 0);
  }

  function draw(features) {
    var profile = currentProfile();
    var reopen = openId;
    // Only a place's popup goes with the redraw: a popup of another layer (reports) keeps its focus.
    var hadFocus = reopen !== null && focusInPopup();
    redrawing = true;
    clusters.clearLayers();
    redrawing = false;
    markersById = {};
    var markers = features.map(function (feature) {
      if (feature.properties.cluster) { return clusterMarker(feature); }
      var coordinates = feature.geometry.coordinates;
      var marker = L.marker([coordinates[1], coordinates[0]], {
        icon: icon(symbolFor(feature.properties, profile)),
        title: feature.properties.name + " – " + describe(feature.properties, profile),
        keyboard: true,
      });
      marker.bindPopup(function () { return popupContent(feature, profile); });
      marker.on("popupopen", function (event) {
        var restored = openId === feature.id && redrawing;
        openId = feature.id;
        popupSource = marker;
        if (!restored) { focusFirstLink(event); }
        writeUrl();
      });
      marker.on("popupclose", function () {
        if (redrawing) { return; }
        if (openId === feature.id) { openId = null; }
        if (focus && focus.id === feature.id) { focus = null; }
        writeUrl();
      });
      markersById[feature.id] = marker;
      return marker;
    });
    markers.forEach(function (marker) { clusters.addLayer(marker); });
    var again = reopen !== null ? markersById[reopen] : null;
    if (again) {
      redrawing = true;
      again.openPopup();
      redrawing = false;
      if (hadFocus) { focusPopup(again); }
    } else {
      if (reopen !== null && !again) { openId = null; }
      if (hadFocus) { mapElement.focus(); }
    }
    var count = countInView(markers);
    statusLine.textContent = plural(config.text.count, count);
    mapElement.dataset.loaded = String(count);
    mapElement.dataset.clusters = String(markers.filter(function (marker) {
      return marker.count !== undefined;
    }).length);
    if (focus && !focus.opened) { openFocus(); }
  }

  // Open the place a link asked for: its marker if the layer has it, else a marker of its own
  // (a catalogue service's place may not be assessed yet, or the filters may hide it).
  var focusMarker = null;
  function openFocus() {
    var marker = markersById[focus.id];
    if (!marker && focus.published && map.getZoom() < config.places_zoom) {
      // Below a town's zoom the place is in a cluster: come close enough to see it.
      map.setView([focus.lat, focus.lon], config.places_zoom);
      return;
    }
    focus.opened = true;
    if (marker) {
      marker.openPopup();
      return;
    }
    var box = el("div", { "class": "popup" });
    box.appendChild(el("strong", { "class": "popup-name" }, focus.name));
    box.appendChild(el("p", null,
      focus.published ? config.text.filtered_out : config.text.not_published));
    if (focus.published) {
      box.appendChild(pageLink(detailUrl(focus.id), config.text.open_detail));
    }
    focusMarker = L.marker([focus.lat, focus.lon], {
      icon: icon("unknown"), title: focus.name, keyboard: true, zIndexOffset: 500,
    }).addTo(map);
    focusMarker.bindPopup(box);
    focusMarker.on("popupopen", function (event) {
      popupSource = focusMarker;
      var target = event.popup.getElement().querySelector(".popup a") ||
        event.popup.getElement().querySelector(".popup");
      if (target === box) { box.setAttribute("tabindex", "-1"); }
      target.focus();
    });
    focusMarker.on("popupclose", function () { focus = null; writeUrl(); });
    focusMarker.openPopup();
  }

  // The catalogue's social services: one marker (a purple house, beside the place's own symbol)
  // per place where services are provided, narrowed by the type and target group filters.
  var servicesLayer = L.layerGroup().addTo(map);
  var servicesPending = null;

  function serviceIcon() {
    return L.divIcon({
      className: "service-marker",
      html: '<svg width="20" height="20" aria-hidden="true" focusable="false">' +
        '<use href="#sym-service"></use></svg>',
      iconSize: [20, 20],
      iconAnchor: [-6, 26],
      popupAnchor: [10, -26],
    });
  }

  function servicesPopup(feature) {
    var properties = feature.properties;
    var profile = currentProfile();
    var box = el("div", { "class": "popup" });
    box.appendChild(el("strong", { "class": "popup-name" }, properties.name));
    if (!properties.published) {
      box.appendChild(el("p", null, config.text.not_published));
    } else if (isMobility(profile)) {
      box.appendChild(el("p", null, describe(properties, profile)));
    }
    box.appendChild(el("p", { "class": "popup-subtitle" }, config.text.services));
    var list = el("ul", { "class": "popup-services" });
    properties.services.forEach(function (service) {
      var item = el("li");
      item.appendChild(pageLink(serviceUrl(service.id), service.name));
      list.appendChild(item);
    });
    box.appendChild(list);
    if (properties.published) {
      box.appendChild(pageLink(detailUrl(feature.id), config.text.open_detail));
    }
    return box;
  }

  function loadServices() {
    if (servicesPending) { servicesPending.abort(); servicesPending = null; }
    servicesLayer.clearLayers();
    mapElement.dataset.services = "";
    if (!servicesToggle.checked) {
      servicesStatus.textContent = "";
      return;
    }
    var bbox = clampedBounds();
    if (!bbox) {
      servicesStatus.textContent = config.text.zoom_in;
      return;
    }
    var params = new URLSearchParams({ bbox: bbox.join(",") });
    ["service_type", "target_group"].forEach(function (name) {
      var field = form.elements[name];
      if (field && field.value) { params.set(name, field.value); }
    });
    servicesPending = new AbortController();
    fetch(config.services_url + "?" + inLanguage(params).toString(), {
      headers: { Accept: "application/geo+json" },
      signal: servicesPending.signal,
    })
      .then(function (response) {
        if (!response.ok) { throw new Error(config.text.services_error); }
        return response.json();
      })
      .then(function (collection) {
        collection.features.forEach(function (feature) {
          var coordinates = feature.geometry.coordinates;
          var names = feature.properties.services.map(function (service) {
            return service.name;
          }).join(", ");
          var marker = L.marker([coordinates[1], coordinates[0]], {
            icon: serviceIcon(),
            title: feature.properties.name + " – " +
              format(config.text.services_title, { services: names }),
            keyboard: true,
            zIndexOffset: 1000,
          });
          marker.bindPopup(function () { return servicesPopup(feature); });
          marker.on("popupopen", focusFirstLink);
          servicesLayer.addLayer(marker);
        });
        var count = collection.features.length;
        servicesStatus.textContent = format(config.text.services_count, { count: count });
        mapElement.dataset.services = String(count);
      })
      .catch(function (error) {
        if (error.name === "AbortError") { return; }
        servicesStatus.textContent = config.text.services_error;
      });
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

  function tileUrl(tile, query) {
    return config.tile_url.replace("/Z/X/Y.", "/" + tile.z + "/" + tile.x + "/" + tile.y + ".") +
      (query ? "?" + query : "");
  }

  function fetchTile(url, signal) {
    return fetch(url, { headers: { Accept: "application/geo+json" }, signal: signal })
      .then(function (response) {
        if (response.status === 400) {
          return response.json().then(function (body) {
            throw new Error(format(config.text.bad_filters, { message: body.error }));
          });
        }
        if (!response.ok) { throw new Error(config.text.error); }
        return response.json();
      });
  }

  // Every tile of the view (a few at a time, as the browser allows), then one redraw.
  function load() {
    var query = inLanguage(filterParams()).toString();
    if (pending) { pending.abort(); }
    pending = new AbortController();
    var signal = pending.signal;
    mapElement.dataset.loaded = "";
    Promise.all(window.BfClusters.tilesInView(map).map(function (tile) {
      return fetchTile(tileUrl(tile, query), signal);
    }))
      .then(function (collections) {
        var features = [];
        collections.forEach(function (collection) {
          Array.prototype.push.apply(features, collection.features);
        });
        draw(features);
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
    if (servicesToggle.checked) { params.set("services", "1"); }
    if (focus) { params.set("place", String(focus.id)); }
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
    document.getElementById("legend-limits").hidden = !config.limit_names.some(function (name) {
      return form.elements[name].value !== "";
    });
  }

  // The visitor's limits: without any in the URL, the map takes those this browser remembers
  // (static/js/public/limits.js).
  var limitsStatus = document.getElementById("limits-status");

  function restoreLimits() {
    if (config.embed) { return; }
    var query = new URLSearchParams(window.location.search);
    // The profile chosen in the route planner, unless the URL names one.
    var profile = query.has("profile") ? null : window.BfLimits.plannerProfile(config.map_profiles);
    var radio = profile && form.querySelector("input[name=profile][value=" + profile + "]");
    if (radio) { radio.checked = true; }
    if (config.limit_names.some(function (name) { return query.has(name); })) { return; }
    var remembered = window.BfLimits.remembered(config.limit_names, config.planner_limits);
    if (!remembered) { return; }
    var filled = false;
    config.limit_names.forEach(function (name) {
      form.elements[name].value = window.BfLimits.text(remembered.values[name]);
      filled = filled || form.elements[name].value !== "";
    });
    form.elements.hide_barriers.checked = Boolean(remembered.values.hide_barriers);
    if (filled) {
      limitsStatus.textContent = remembered.source === "planner" ?
        config.text.limits_from_planner : config.text.limits_restored;
    }
  }

  form.addEventListener("change", function () {
    window.BfLimits.remember(form, config.limit_names);
    showLegend();
    writeUrl();
    load();
    loadServices();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.BfLimits.remember(form, config.limit_names);
    showLegend();
    writeUrl();
    load();
    loadServices();
  });
  servicesToggle.addEventListener("change", function () {
    writeUrl();
    loadServices();
  });
  map.on("moveend", function () {
    writeUrl();
    load();
    loadServices();
  });

  // The visitor's position, only when asked for.
  var positionMarker = null;
  document.getElementById("locate").addEventListener("click", function () {
    Bf.locate(config.text.position, function (text) { statusLine.textContent = text; }, showPosition);
  });

  function showPosition(position) {
    var latlng = [position.coords.latitude, position.coords.longitude];
    if (positionMarker) { map.removeLayer(positionMarker); }
    positionMarker = L.circleMarker(latlng, {
      radius: 9, color: "#000", weight: 3, fillColor: "#56B4E9", fillOpacity: 1,
    }).bindTooltip(config.text.you_are_here).addTo(map);
    map.setView(latlng, Math.max(map.getZoom(), 16));
    statusLine.textContent = config.text.located;
  }

  // The search box: ranked results as links to the details; without JS it opens the list.
  var searchForm = document.getElementById("search");
  var results = document.getElementById("search-results");
  searchForm.addEventListener("submit", function (event) {
    var query = document.getElementById("search-q").value.trim();
    if (!query) { return; }
    event.preventDefault();
    var centre = map.getCenter();
    var params = new URLSearchParams({ q: query, lat: centre.lat, lon: centre.lng });
    fetch(config.search_url + "?" + inLanguage(params).toString(),
      { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        results.textContent = "";
        var items = body.results || [];
        results.appendChild(el("p", { "class": "status" }, body.summary));
        if (!items.length) { return; }
        var list = el("ol", { "class": "search-list" });
        items.forEach(function (item) {
          var row = el("li");
          row.appendChild(pageLink(withQuery(item.url, new URLSearchParams()), item.name));
          if (item.address) { row.appendChild(el("span", null, " – " + item.address)); }
          var show = el("button", { type: "button", "class": "link-button" },
            config.text.show_on_map);
          show.addEventListener("click", function () { map.setView([item.lat, item.lon], 18); });
          row.appendChild(document.createTextNode(" "));
          row.appendChild(show);
          list.appendChild(row);
        });
        results.appendChild(list);
        if (body.list_text) {
          var listUrl = body.list_url.split("?");
          var all = pageLink(withQuery(listUrl[0], new URLSearchParams(listUrl[1])), body.list_text);
          all.className = "all-results";
          results.appendChild(all);
        }
      })
      .catch(function () { results.textContent = config.text.error; });
  });

  restoreLimits();
  showLegend();
  writeUrl();
  load();
  loadServices();
})();
