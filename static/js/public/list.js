/* The list's "use my position" button: fills the point to sort from with the visitor's
   position, on request only. Without JavaScript the point is typed in by hand. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("list-config").textContent);
  var button = document.getElementById("use-my-position");
  var status = document.getElementById("position-status");
  if (!button || !navigator.geolocation) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = config.locating;
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById("lat").value = position.coords.latitude.toFixed(5);
      document.getElementById("lon").value = position.coords.longitude.toFixed(5);
      document.getElementById("sort").value = "distance";
      status.textContent = config.located;
    }, function (error) {
      status.textContent = config.locate_error.replace("%(message)s", error.message);
    }, { enableHighAccuracy: true, timeout: 15000 });
  });
})();
