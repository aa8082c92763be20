/* The surveys kept on this phone as a list (window.SurveyQueue), drawn the same on the survey
   page, which adds the buttons to resume or remove one, and on "My submissions": the place, what
   became of it (with the coordinator's comment once reviewed), and how many are still to send. */
window.SurveyQueue = (function () {
  "use strict";

  function statusText(r, texts) {
    if (r.status === "draft") { return texts.status_draft; }
    if (r.status === "queued") { return texts.status_queued; }
    if (r.status === "error") { return texts.status_error + " " + (r.error || ""); }
    if (r.status === "conflict") { return texts.status_conflict + " " + (r.error || ""); }
    if (r.server) {
      return r.server.status_label +
        (r.server.review_comment ? " – " + r.server.review_comment : "");
    }
    return texts.status_sent;
  }

  /* `decorate(item, record)` adds what one page adds to a row. */
  function draw(records, texts, decorate) {
    var list = document.getElementById("queue-list");
    list.textContent = "";
    records.forEach(function (r) {
      var item = Bf.el("li", { "class": "queue-item status-" + r.status, "data-status": r.status });
      item.appendChild(Bf.el("strong", null, r.place_label || texts.unnamed));
      item.appendChild(Bf.el("span", { "class": "queue-status" }, statusText(r, texts)));
      if (decorate) { decorate(item, r); }
      list.appendChild(item);
    });
    document.getElementById("queue-empty").textContent = records.length ? "" : texts.queue_empty;
    list.dataset.queued = String(records.filter(function (r) {
      return r.status === "queued";
    }).length);
  }

  return { draw: draw };
})();
