/* The list's "use my position" button: fills the point to sort from with the visitor's
   position, on request only. Without JavaScript the point is typed in by hand.
   The visitor's limits are remembered in this browser, as on the map: a list opened without
   limits in its URL is opened again with the remembered ones (or the route planner's). */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("list-config").textContent);
  var filters = document.getElementById("filters");

  function restoreLimits() {
    var query = new URLSearchParams(window.location.search);
    if (config.limit_names.some(function (name) { return query.has(name); })) { return; }
    var remembered = window.BfLimits.remembered(config.limit_names, config.planner_limits);
    if (!remembered) { return; }
    var changed = false;
    config.limit_names.forEach(function (name) {
      var value = window.BfLimits.text(remembered.values[name]);
      if (value !== "") { query.set(name, value); changed = true; }
    });
    if (!changed) { return; }
    if (remembered.values.hide_barriers) { query.set("hide_barriers", "on"); }
    query.delete("page");
    window.location.replace(window.location.pathname + "?" + query.toString());
  }

  if (filters) {
    filters.addEventListener("submit", function () {
      window.BfLimits.remember(filters, config.limit_names);
    });
  }
  restoreLimits();

  var button = document.getElementById("use-my-position");
  var status = document.getElementById("position-status");
  if (!button || !navigator.geolocation) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    Bf.locate(config.position, function (text) { status.textContent = text; }, function (position) {
      document.getElementById("lat").value = position.coords.latitude.toFixed(5);
      document.getElementById("lon").value = position.coords.longitude.toFixed(5);
      document.getElementById("sort").value = "distance";
      status.textContent = config.located;
    });
  });
})();
