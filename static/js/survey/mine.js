/* "My submissions": what is still on this phone (drafts, queued, refused) next to the server's list. */
(function () {
  "use strict";

  var texts = JSON.parse(document.getElementById("survey-texts").textContent);
  var $ = function (id) { return document.getElementById(id); };

  function photoCount(item, r) {
    item.querySelector(".queue-status").textContent += " · " + (r.photos || []).length + " 📷";
  }

  function render() {
    $("connection").textContent = navigator.onLine ? texts.online : texts.offline;
    SurveyDB.all().then(function (records) { SurveyQueue.draw(records, texts, photoCount); });
  }

  window.addEventListener("online", render);
  window.addEventListener("offline", render);
  SurveySync.onChange(render);
  render();
  SurveySync.flush();
})();
