/* The route planner: the form is the source of truth and its query string the shareable URL.
   The chosen profile and limits are remembered in the browser (localStorage). Works without
   tiles; instructions are an ordered list that a screen reader reads. The start and the
   destination are comboboxes (WAI-ARIA 1.2, list autocomplete): typing suggests places and
   addresses, the arrow keys move through them while the focus stays in the text field, Enter
   chooses, Escape closes. A chosen place is sent by its number, so that the route reaches the
   entrance the visitor can use. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("planner-config").textContent);
  var form = document.getElementById("route-form");
  var status = document.getElementById("route-status");
  var reason = document.getElementById("route-reason");
  var list = document.getElementById("route-instructions");
  var warnings = document.getElementById("route-warnings");
  var ends = document.getElementById("route-ends");
  var directions = document.getElementById("route-directions");
  var noRoute = document.getElementById("route-none");
  var relaxedBox = document.getElementById("route-relaxed");
  var mapLink = document.getElementById("profile-map-link");
  var searchStatus = document.getElementById("search-status");
  // A position typed or pasted (49.3088, 14.1475; 49.3088N, 14.1475E; N 49°18.5', E 14°8.8'):
  // read by the server, not searched for as a name.
  var POSITION = /^[NSEW]?\s*[-+]?\d[\d\s.,;:+\-°'"′″NSEW]*$/i;
  var STORE = "bf-route-limits";
  var REMEMBERED = ["profile", "max_incline_up_pct", "max_incline_down_pct", "max_kerb_cm",
    "min_width_cm", "max_steps", "avoid_bad_surfaces", "only_known"];
  // How each stretch of a route is drawn, by what is known of it (the legend in the page says so).
  var KNOWLEDGE_STYLE = {
    surveyed: { color: "#0b4f9c", weight: 9, opacity: 1 },
    tagged: { color: "#0b4f9c", weight: 5, opacity: 1 },
    assumed: { color: "#0b4f9c", weight: 5, opacity: 1, dashArray: "1 10", lineCap: "round" },
  };

  var map = BfMap.makeMap("map");
  var routeLayer = null;
  var nextEnd = "from";

  function fill(target, text) {
    target.textContent = text;
  }

  var format = Bf.format;

  function params() {
    var query = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (String(value).trim() !== "") { query.set(key, String(value).trim()); }
    });
    return query;
  }

  function remember() {
    var saved = {};
    REMEMBERED.forEach(function (name) {
      var field = form.elements[name];
      if (!field) { return; }
      if (field instanceof RadioNodeList) { saved[name] = field.value; }
      else if (field.type === "checkbox") { saved[name] = field.checked; }
      else { saved[name] = field.value; }
    });
    try { localStorage.setItem(STORE, JSON.stringify(saved)); } catch (e) { /* private mode */ }
  }

  function restore() {
    // The URL wins over what was remembered: a shared link shows the sender's route.
    if (window.location.search) { return; }
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (e) { saved = null; }
    if (!saved) { return; }
    REMEMBERED.forEach(function (name) {
      var field = form.elements[name];
      if (!field || saved[name] === undefined) { return; }
      if (field instanceof RadioNodeList) { field.value = saved[name]; }
      else if (field.type === "checkbox") { field.checked = Boolean(saved[name]); }
      else { field.value = saved[name]; }
    });
  }

  function listInto(target, items, field) {
    target.replaceChildren();
    (items || []).forEach(function (item) {
      var entry = document.createElement("li");
      entry.textContent = item[field];
      target.appendChild(entry);
    });
  }

  function warningsInto(target, route) {
    listInto(target, route.warnings, "message");
    if (!target.children.length && route.instructions) {
      listInto(target, [{ message: config.labels.no_warnings }], "message");
    }
  }

  function clearMap() {
    if (routeLayer) { map.removeLayer(routeLayer); routeLayer = null; }
  }

  /* A route within the limits: drawn solid, with its directions. */
  function showRoute(answer) {
    fill(status, format(config.labels.found, {
      length: Math.round(answer.length_m), minutes: Math.max(1, Math.round(answer.duration_s / 60)),
    }));
    listInto(list, answer.instructions, "text");
    listInto(document.getElementById("route-summary"), (answer.summary || []).map(function (text) {
      return { text: text };
    }), "text");
    warningsInto(warnings, answer);
    document.getElementById("route-legend").hidden = false;
    var drawn = answer.stretches && answer.stretches.features.length ? answer.stretches : answer.geojson;
    if (drawn) {
      routeLayer = L.geoJSON(drawn, {
        style: function (feature) {
          var knowledge = feature.properties && feature.properties.knowledge;
          return KNOWLEDGE_STYLE[knowledge] || KNOWLEDGE_STYLE.tagged;
        },
      }).addTo(map);
      map.fitBounds(routeLayer.getBounds(), { maxZoom: 18, padding: [24, 24] });
    }
  }

  /* No route within the limits: the explanation, and the route there would be if the visitor
     allowed what blocks it, set apart as such (dashed on the map, its directions folded away),
     never as directions. */
  function showNoRoute(answer) {
    fill(status, config.labels.not_found);
    noRoute.hidden = false;
    var reasonOf = answer.reason || {};
    fill(reason, reasonOf.message || "");
    var relaxed = reasonOf.relaxed;
    relaxedBox.hidden = !relaxed;
    if (!relaxed) { return; }
    fill(document.getElementById("relaxed-summary"), relaxed.message);
    listInto(document.getElementById("relaxed-instructions"), relaxed.instructions, "text");
    warningsInto(document.getElementById("relaxed-warnings"), relaxed);
    document.getElementById("relaxed-details").open = false;
    routeLayer = L.layerGroup().addTo(map);
    var line = L.geoJSON(relaxed.geojson, {
      interactive: false, style: { color: "#6b4e00", weight: 5, dashArray: "10 8", opacity: 0.9 },
    }).addTo(routeLayer);
    if (reasonOf.location) {
      L.circleMarker([reasonOf.location[1], reasonOf.location[0]], {
        interactive: false, radius: 12, color: "#b3261e", weight: 4, fill: false,
      }).bindTooltip(config.labels.barrier, { permanent: false }).addTo(routeLayer);
    }
    map.fitBounds(line.getBounds(), { maxZoom: 18, padding: [24, 24] });
  }

  function show(answer) {
    clearMap();
    list.replaceChildren();
    warnings.replaceChildren();
    document.getElementById("route-summary").replaceChildren();
    document.getElementById("route-legend").hidden = true;
    fill(ends, describeEnds(answer));
    describeEntrance(answer);
    directions.hidden = !answer.found;
    noRoute.hidden = true;
    if (answer.found) { showRoute(answer); } else { showNoRoute(answer); }
    document.getElementById("map").dataset.route = answer.found ? "found" : "none";
  }

  function endLabel(end) {
    var order = end.order && config.labels["order_" + end.order];
    return order ? end.label + " (" + order + ")" : end.label;
  }

  function describeEnds(answer) {
    var parts = [];
    if (answer.start && answer.start.label) {
      parts.push(format(config.labels.start, { label: endLabel(answer.start) }));
    }
    if (answer.destination && answer.destination.entrance_label) {
      parts.push(format(config.labels.entrance, {
        label: answer.end.label, entrance: answer.destination.entrance_label,
      }));
    } else if (answer.end && answer.end.label) {
      parts.push(format(config.labels.end, { label: endLabel(answer.end) }));
    }
    return parts.join(" ");
  }

  /* Whether the visitor can use the entrance the route leads to, when the survey cannot say. */
  function describeEntrance(answer) {
    var box = document.getElementById("route-entrance");
    var destination = answer.destination;
    var text = "";
    if (destination && destination.entrance_label && destination.within_limits !== true) {
      var template = destination.within_limits === null ?
        config.labels.entrance_unknown : config.labels.entrance_beyond;
      text = format(template, { entrance: destination.entrance_label, place: answer.end.label });
    }
    fill(box, text);
    box.hidden = !text;
  }

  function search() {
    var query = params();
    history.replaceState(null, "", "?" + query.toString());
    remember();
    fill(status, config.labels.loading);
    query.set("lang", document.documentElement.lang || "cs");
    fetch(config.route_url + "?" + query.toString(), { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (!result.ok) {
          // A refused request (a start that cannot be read): no older route stays on show.
          show({ found: false });
          noRoute.hidden = true;
          delete document.getElementById("map").dataset.route;
          fill(status, result.body.error || config.labels.error);
          return;
        }
        show(result.body);
      })
      .catch(function () { fill(status, config.labels.error); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });

  // Positions are written latitude first, as Mapy.cz and Google Maps show them.
  function position(lat, lon) {
    return lat.toFixed(6) + ", " + lon.toFixed(6);
  }

  map.on("click", function (event) {
    form.elements[nextEnd].value = position(event.latlng.lat, event.latlng.lng);
    form.elements[nextEnd + "_place"].value = "";
    fill(status, nextEnd === "from" ? config.labels.start_set : config.labels.end_set);
    nextEnd = nextEnd === "from" ? "to" : "from";
  });

  document.getElementById("my-location").addEventListener("click", function () {
    Bf.locate(config.labels.position, function (text, failed) {
      fill(status, failed ? text + " " + config.labels.or_type_the_start : text);
    }, function (found) {
      form.elements.from.value = position(found.coords.latitude, found.coords.longitude);
      form.elements.from_place.value = "";
      fill(status, config.labels.start_located);
    }, { timeout: 20000 });
  });

  /* The profile chosen here is the one the map shows (the map reads it from this browser too). */
  function linkMap() {
    var profile = config.map_profiles[form.elements.profile.value];
    mapLink.href = config.map_url + (profile ? "?profile=" + encodeURIComponent(profile) : "");
  }
  form.addEventListener("change", function (event) {
    if (event.target.name === "profile") { linkMap(); remember(); }
  });

  /* The comboboxes of the two ends. */
  function Combobox(name) {
    var input = document.getElementById(name);
    var place = document.getElementById(name + "_place");
    var listbox = document.getElementById(name + "-options");
    var hits = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      listbox.hidden = true;
      listbox.replaceChildren();
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      hits = [];
      active = -1;
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(listbox.children, function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index < 0) { input.removeAttribute("aria-activedescendant"); return; }
      var option = listbox.children[index];
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }

    function choose(index) {
      var hit = hits[index];
      if (!hit) { return; }
      input.value = hit.label;
      place.value = hit.kind === "place" ? String(hit.id) : "";
      close();
      fill(searchStatus, format(config.labels.chosen, { label: hit.label }));
    }

    function render(results) {
      listbox.replaceChildren();
      hits = results;
      active = -1;
      results.forEach(function (hit, index) {
        var option = document.createElement("li");
        option.id = name + "-option-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = hit.label;
        var detail = document.createElement("span");
        detail.className = "detail";
        detail.textContent = [hit.kind === "place" ? config.labels.place_kind : config.labels.address_kind,
          hit.detail].filter(Boolean).join(": ");
        option.appendChild(detail);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { choose(index); input.focus(); });
        listbox.appendChild(option);
      });
      listbox.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
      fill(searchStatus, results.length ?
        format(config.labels.suggestions, { count: results.length }) : config.labels.no_suggestions);
    }

    function suggest() {
      var text = input.value.trim();
      if (text.length < 2 || POSITION.test(text)) { close(); return; }
      var ticket = ++asked;
      var query = new URLSearchParams({ q: text, lang: document.documentElement.lang || "cs" });
      fetch(config.search_url + "?" + query.toString(), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (body) {
          // Only the answer to the latest text counts; an earlier, slower one is dropped.
          if (ticket !== asked || document.activeElement !== input) { return; }
          render(body.results || []);
        })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      place.value = "";
      clearTimeout(timer);
      timer = setTimeout(suggest, 200);
    });
    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden && hits.length > 0;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) { suggest(); return; }
        highlight(active < hits.length - 1 ? active + 1 : 0);
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        highlight(active > 0 ? active - 1 : hits.length - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();  // choosing a suggestion does not submit the form
        choose(active);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  Combobox("from");
  Combobox("to");

  restore();
  linkMap();
  if (form.elements.from.value && form.elements.to.value) { search(); }
})();
