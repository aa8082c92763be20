/* On a phone the filters, layers and legend fold away under one disclosure ("Filtry, vrstvy a
   legenda"), so that the map or the list is in view without scrolling past the whole form. The
   page is rendered with the disclosure open: without JavaScript, or on a wide screen, everything
   stays visible. A disclosure holding an error message stays open, so the error is seen. */
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 899px)");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("details.side-options"));

  boxes.forEach(function (box) {
    var hasError = box.querySelector(".error, .errors, [role=alert]") !== null;
    if (narrow.matches && !hasError) { box.open = false; }
  });

  // Widening the window (or turning a tablet) shows everything again: on wide screens the
  // summary is hidden, so a folded disclosure could not be opened there.
  narrow.addEventListener("change", function (event) {
    if (!event.matches) { boxes.forEach(function (box) { box.open = true; }); }
  });
})();
