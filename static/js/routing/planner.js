/* The route planner: the form is the source of truth and its query string the shareable URL.
   The chosen profile and limits are remembered in the browser (localStorage). Works without
   tiles; instructions are an ordered list that a screen reader reads. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("planner-config").textContent);
  var form = document.getElementById("route-form");
  var status = document.getElementById("route-status");
  var reason = document.getElementById("route-reason");
  var list = document.getElementById("route-instructions");
  var warnings = document.getElementById("route-warnings");
  var STORE = "bf-route-limits";
  var REMEMBERED = ["profile", "max_incline_up_pct", "max_incline_down_pct", "max_kerb_cm",
    "min_width_cm", "max_steps", "avoid_bad_surfaces"];

  var map = L.map("map", { keyboard: true }).setView(config.center, config.zoom);
  L.tileLayer(config.tiles_url, { attribution: config.attribution, maxZoom: 19 }).addTo(map);
  var routeLayer = null;
  var nextEnd = "from";

  function fill(target, text) {
    target.textContent = text;
  }

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }

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
          text += " " + format(config.labels.relaxed, {
            length: Math.round(answer.reason.relaxed.length_m),
          });
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
    fill(status, nextEnd === "from" ? config.labels.start_set : config.labels.end_set);
    nextEnd = nextEnd === "from" ? "to" : "from";
  });

  document.getElementById("my-location").addEventListener("click", function () {
    if (!navigator.geolocation) { fill(status, config.labels.no_location); return; }
    navigator.geolocation.getCurrentPosition(function (position) {
      form.elements.from.value = position.coords.longitude.toFixed(6) + "," +
        position.coords.latitude.toFixed(6);
      fill(status, config.labels.start_set);
    }, function () { fill(status, config.labels.no_location); });
  });

  restore();
  if (form.elements.from.value && form.elements.to.value) { search(); }
})();
