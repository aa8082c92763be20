// Site-wide set-up of every Leaflet map, loaded right after Leaflet and before any map is made:
// - the visitor's "reduce motion" setting: no fading popups, no animated zooms;
// - Leaflet's own control labels in the page's language (Leaflet writes them in English); the
//   translations come from Django's catalogue through data attributes of <html> (base.html).
(function () {
  "use strict";
  if (!window.L) { return; }
  if (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
    L.Map.mergeOptions({ fadeAnimation: false, zoomAnimation: false, markerZoomAnimation: false });
  }
  var text = document.documentElement.dataset;
  if (text.mapZoomIn && text.mapZoomOut) {
    L.Control.Zoom.mergeOptions({ zoomInTitle: text.mapZoomIn, zoomOutTitle: text.mapZoomOut });
  }
  if (text.mapClose) {
    L.Map.addInitHook(function () {
      this.on("popupopen", function (event) {
        var button = event.popup && event.popup._closeButton;
        if (button) { button.setAttribute("aria-label", text.mapClose); }
      });
    });
  }
})();
