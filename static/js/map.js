/* The one map set-up of the site, loaded right after Leaflet (mapping/map_settings.py):
   - BfMap.makeMap(element, options): a map on the base map the server wrote into the page
     ("map-settings": tiles, their credit, the town's centre, the zoom limits). `options.center`
     and `options.zoom` give a page's own view, `options.map` more Leaflet options. As with
     django-leaflet (leaflet.extras.js), each new map is announced by a "map:init" event on
     window whose detail holds the map. The map follows its element's size (a panel that opens
     or a step that appears), not only the window's. Tiles are decoration: a map without them
     still draws its own layers;
   - the visitor's "reduce motion" setting: no fading popups, no animated zooms;
   - Leaflet's own control labels in the page's language (Leaflet writes them in English); the
     translations come from Django's catalogue through data attributes of <html> (base.html). */
window.BfMap = (function () {
  "use strict";
  if (!window.L) { return null; }
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

  var base = null;
  function settings() {
    if (!base) { base = JSON.parse(document.getElementById("map-settings").textContent); }
    return base;
  }

  function followSize(map) {
    if (!window.ResizeObserver) { return; }
    new ResizeObserver(function () { map.invalidateSize(); })
      .observe(map.getContainer());
  }

  function makeMap(element, options) {
    var given = options || {};
    var site = settings();
    var map = L.map(element, Object.assign({
      keyboard: true, minZoom: site.min_zoom, maxZoom: site.max_zoom,
    }, given.map));
    map.setView(given.center || site.center, given.zoom === undefined ? site.zoom : given.zoom);
    L.tileLayer(site.tiles_url, { attribution: site.attribution, maxZoom: site.max_zoom })
      .addTo(map);
    followSize(map);
    window.dispatchEvent(new CustomEvent("map:init", { detail: { map: map, options: site } }));
    return map;
  }

  return { makeMap: makeMap, settings: settings };
})();
