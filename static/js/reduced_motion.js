// Honour the visitor's "reduce motion" setting on every Leaflet map of the site: no fading
// popups, no animated zooms. Loaded right after Leaflet, before any map is made.
(function () {
  "use strict";
  if (window.L && window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
    L.Map.mergeOptions({ fadeAnimation: false, zoomAnimation: false, markerZoomAnimation: false });
  }
})();
