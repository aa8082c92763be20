/* "My submissions": what is still on this phone (drafts, queued, refused) next to the server's list. */
(function () {
  "use strict";

  var texts = JSON.parse(document.getElementById("survey-texts").textContent);
  var $ = function (id) { return document.getElementById(id); };

  function statusText(r) {
    if (r.status === "draft") { return texts.status_draft; }
    if (r.status === "queued") { return texts.status_queued; }
    if (r.status === "error") { return texts.status_error + " " + (r.error || ""); }
    if (r.status === "conflict") { return texts.status_conflict + " " + (r.error || ""); }
    return r.server ? r.server.status_label : texts.status_sent;
  }

  function render() {
    $("connection").textContent = navigator.onLine ? texts.online : texts.offline;
    SurveyDB.all().then(function (records) {
      var list = $("queue-list");
      list.textContent = "";
      records.forEach(function (r) {
        var item = document.createElement("li");
        item.className = "queue-item status-" + r.status;
        item.dataset.status = r.status;
        var title = document.createElement("strong");
        title.textContent = r.place_label || texts.unnamed;
        var line = document.createElement("span");
        line.textContent = statusText(r) + " · " + (r.photos || []).length + " 📷";
        item.appendChild(title);
        item.appendChild(line);
        list.appendChild(item);
      });
      $("queue-empty").textContent = records.length ? "" : texts.queue_empty;
    });
  }

  window.addEventListener("online", render);
  window.addEventListener("offline", render);
  SurveySync.onChange(render);
  render();
  SurveySync.flush();
})();
