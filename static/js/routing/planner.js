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
  var searchStatus = document.getElementById("search-status");
  var NUMBERS = /^[\d\s.,;:+-]+$/;
  var STORE = "bf-route-limits";
  var REMEMBERED = ["profile", "max_incline_up_pct", "max_incline_down_pct", "max_kerb_cm",
    "min_width_cm", "max_steps", "avoid_bad_surfaces"];

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

  function show(answer) {
    list.replaceChildren();
    warnings.replaceChildren();
    fill(reason, "");
    fill(ends, describeEnds(answer));
    if (routeLayer) { map.removeLayer(routeLayer); routeLayer = null; }
    var drawn = answer;
    if (answer.found) {
      fill(status, format(config.labels.found, {
        length: Math.round(answer.length_m), minutes: Math.max(1, Math.round(answer.duration_s / 60)),
      }));
    } else {
      fill(status, config.labels.not_found);
      if (answer.reason) {
        var text = answer.reason.message || "";
        if (answer.reason.relaxed) {
          text += " " + answer.reason.relaxed.message;
          drawn = answer.reason.relaxed;
        }
        fill(reason, text);
      }
    }
    (drawn.instructions || []).forEach(function (step) {
      var item = document.createElement("li");
      item.textContent = step.text;
      list.appendChild(item);
    });
    (drawn.warnings || []).forEach(function (warning) {
      var item = document.createElement("li");
      item.textContent = warning.message;
      warnings.appendChild(item);
    });
    if (!warnings.children.length && drawn.instructions) {
      var none = document.createElement("li");
      none.textContent = config.labels.no_warnings;
      warnings.appendChild(none);
    }
    if (drawn.geojson) {
      routeLayer = L.geoJSON(drawn.geojson, {
        style: { color: answer.found ? "#0b4f9c" : "#b3261e", weight: 6 },
      }).addTo(map);
      map.fitBounds(routeLayer.getBounds(), { maxZoom: 18, padding: [24, 24] });
    }
    document.getElementById("map").dataset.route = answer.found ? "found" : "none";
  }

  function describeEnds(answer) {
    var parts = [];
    if (answer.start && answer.start.label) {
      parts.push(format(config.labels.start, { label: answer.start.label }));
    }
    if (answer.destination && answer.destination.entrance_label) {
      parts.push(format(config.labels.entrance, {
        label: answer.end.label, entrance: answer.destination.entrance_label,
      }));
    } else if (answer.end && answer.end.label) {
      parts.push(format(config.labels.end, { label: answer.end.label }));
    }
    return parts.join(" ");
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
        if (!result.ok) { fill(status, result.body.error || config.labels.error); return; }
        show(result.body);
      })
      .catch(function () { fill(status, config.labels.error); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });

  map.on("click", function (event) {
    var value = event.latlng.lng.toFixed(6) + "," + event.latlng.lat.toFixed(6);
    form.elements[nextEnd].value = value;
    form.elements[nextEnd + "_place"].value = "";
    fill(status, nextEnd === "from" ? config.labels.start_set : config.labels.end_set);
    nextEnd = nextEnd === "from" ? "to" : "from";
  });

  document.getElementById("my-location").addEventListener("click", function () {
    if (!navigator.geolocation) { fill(status, config.labels.no_location); return; }
    navigator.geolocation.getCurrentPosition(function (position) {
      form.elements.from.value = position.coords.longitude.toFixed(6) + "," +
        position.coords.latitude.toFixed(6);
      form.elements.from_place.value = "";
      fill(status, config.labels.start_set);
    }, function () { fill(status, config.labels.no_location); });
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
      if (text.length < 2 || NUMBERS.test(text)) { close(); return; }
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
  if (form.elements.from.value && form.elements.to.value) { search(); }
})();
