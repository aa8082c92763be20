/* The page of an import run follows its background job: it asks for the run's status every
   two seconds, moves the progress bar, and reloads itself once the run has finished, to show the
   report the server writes. The status line is a live region: it changes, and is read out, only
   when the status or the stage changes or the import has gone another tenth of the way, so that
   a screen reader is not interrupted at every poll. */
(function () {
  "use strict";

  var POLL_MS = 2000;
  var RETRY_MS = 5000;
  var source = document.getElementById("import-run-status");
  if (!source) { return; }
  var state = JSON.parse(source.textContent);
  if (state.finished) { return; }

  var line = document.getElementById("import-status-text");
  var bar = document.getElementById("import-progress");
  var note = document.getElementById("import-status-note");

  function tenth(percent) {
    return percent === null || percent === undefined ? null : Math.floor(percent / 10);
  }

  var spoken = { status: state.status, stage: state.stage, tenth: tenth(state.percent) };

  function worthSaying(next) {
    return next.status !== spoken.status || next.stage !== spoken.stage ||
      tenth(next.percent) !== spoken.tenth;
  }

  function show(next) {
    if (next.percent === null || next.percent === undefined) {
      bar.removeAttribute("value");
    } else {
      bar.value = next.percent;
    }
    if (worthSaying(next)) {
      line.textContent = next.message;
      spoken = { status: next.status, stage: next.stage, tenth: tenth(next.percent) };
    }
    if (note.textContent !== next.note) { note.textContent = next.note; }
  }

  function poll() {
    fetch(state.url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (answer) {
        if (!answer.ok) { throw new Error(String(answer.status)); }
        return answer.json();
      })
      .then(function (next) {
        if (next.finished) {
          window.location.reload();
          return;
        }
        show(next);
        window.setTimeout(poll, POLL_MS);
      })
      .catch(function () { window.setTimeout(poll, RETRY_MS); });
  }

  window.setTimeout(poll, POLL_MS);
})();
