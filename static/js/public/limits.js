/* The visitor's own limits (highest step or kerb, narrowest door), remembered in this browser
   for the map and the list. Without any of its own, a page takes the route planner's: the values
   the visitor typed there, else the defaults of the planner profile they chose. */
window.BfLimits = (function () {
  "use strict";

  var STORE = "bf-map-limits";
  var PLANNER_STORE = "bf-route-limits";

  function read(name) {
    try { return JSON.parse(localStorage.getItem(name) || "null"); } catch (e) { return null; }
  }

  function text(value) {
    return value === undefined || value === null ? "" : String(value);
  }

  function fromPlanner(planner, names, defaultsByProfile) {
    var defaults = defaultsByProfile[planner.profile] || {};
    var values = { hide_barriers: false };
    names.forEach(function (name) {
      values[name] = text(planner[name]) !== "" ? text(planner[name]) : text(defaults[name]);
    });
    return values;
  }

  return {
    /* {values, source} with source "map" or "planner"; null when the browser remembers none. */
    remembered: function (names, defaultsByProfile) {
      var own = read(STORE);
      if (own) { return { values: own, source: "map" }; }
      var planner = read(PLANNER_STORE);
      if (planner) {
        return { values: fromPlanner(planner, names, defaultsByProfile), source: "planner" };
      }
      return null;
    },
    /* The map's profile for the one last chosen in the route planner ({planner: map} names),
       or null. */
    plannerProfile: function (mapProfiles) {
      var planner = read(PLANNER_STORE);
      return (planner && mapProfiles[planner.profile]) || null;
    },
    /* Remember the limits of a filter form (empty fields too: a visitor may drop a limit). */
    remember: function (form, names) {
      var saved = { hide_barriers: form.elements.hide_barriers.checked };
      names.forEach(function (name) { saved[name] = form.elements[name].value; });
      try { localStorage.setItem(STORE, JSON.stringify(saved)); } catch (e) { /* private mode */ }
    },
    text: text,
  };
})();
