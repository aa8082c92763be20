/* The printable map's links (A4, A3) take the map's current filters and view: the map keeps them
   in the page's address as they change (map.js), and a link reads them when it is followed.
   Without scripts the links carry the filters the page was opened with. */
(function () {
  "use strict";
  document.querySelectorAll("a[data-print-paper]").forEach(function (link) {
    function update() {
      var params = new URLSearchParams(window.location.search);
      params.delete("place");
      params.set("paper", link.getAttribute("data-print-paper"));
      link.href = link.pathname + "?" + params.toString();
    }
    link.addEventListener("focus", update);
    link.addEventListener("pointerenter", update);
    link.addEventListener("click", update);
  });
})();
