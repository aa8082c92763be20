/* Sends queued surveys when the network is there, and learns what became of the sent ones.
   A survey keeps its idempotency key for ever: a retry, a double tap or a second tab sending the
   same survey again gets the first stored assessment back, never a second one. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("survey-config").textContent);
  var sending = false;
  var listeners = [];

  var csrfToken = Bf.csrfToken;

  function changed() { listeners.forEach(function (listener) { listener(); }); }

  var conflictListeners = [];
  function conflicted(record) { conflictListeners.forEach(function (listener) { listener(record); }); }

  function formData(record) {
    var data = new FormData();
    var photos = (record.photos || []).map(function (photo, index) {
      data.append("photo_" + index, photo.blob, photo.name || "photo-" + index + ".jpg");
      return { field: "photo_" + index, alt_text: photo.alt_text || "", subject: photo.subject || "other" };
    });
    data.append("payload", JSON.stringify({
      idempotency_key: record.key,
      action: "submit",
      place: record.place,
      survey_date: record.survey_date,
      answers: record.answers || {},
      photos: photos,
      /* A re-survey: the survey it started from, and the answers confirmed by measuring again. */
      based_on: record.based_on,
      confirmed: Object.keys(record.confirmed || {}),
    }));
    return data;
  }

  function url(name, pk) { return config.urls[name].replace("/0/", "/" + pk + "/"); }

  function post(address, body, json) {
    var headers = { "X-CSRFToken": csrfToken(), Accept: "application/json" };
    if (json) { headers["Content-Type"] = "application/json"; }
    return fetch(address, { method: "POST", body: body, credentials: "same-origin", headers: headers })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (b) {
          return { response: response, body: b };
        });
      });
  }

  /* A returned survey, corrected on the phone: answers, the photos not yet sent, then submit.
     Each photo is marked once stored, so a retry after a lost answer never sends it twice. */
  function resubmit(record) {
    var pk = record.server_pk;
    return fetch(url("assessment", pk), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        if (body.assessment && body.assessment.status === "submitted") { return { response: { ok: true, status: 200 }, body: body }; }
        /* The version the answers were loaded at: if someone else saved meanwhile, the server
           refuses (409) instead of silently replacing their answers with these. */
        var payload = JSON.stringify({ answers: record.answers, version: record.version });
        return post(url("save_answers", pk), payload, true).then(function (saved) {
          if (!saved.response.ok) { return saved; }
          record.version = saved.body.assessment.version;
          var chain = SurveyDB.put(record).then(function () { return saved; });
          (record.photos || []).forEach(function (photo) {
            chain = chain.then(function (previous) {
              if (!previous.response.ok || photo.sent) { return previous; }
              var data = new FormData();
              data.append("photo", photo.blob, photo.name || "photo.jpg");
              data.append("alt_text", photo.alt_text || "");
              data.append("subject", photo.subject || "other");
              return post(url("add_photo", pk), data, false).then(function (added) {
                if (added.response.ok) { photo.sent = true; return SurveyDB.put(record).then(function () { return added; }); }
                return added;
              });
            });
          });
          return chain.then(function (previous) {
            return previous.response.ok ? post(url("submit_existing", pk), null, false) : previous;
          });
        });
      });
  }

  function sendOne(record) {
    if (record.server_pk) { return resubmit(record).then(function (answer) { return settle(record, answer.response, answer.body); }); }
    return fetch(config.urls.submit, {
      method: "POST",
      body: formData(record),
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return settle(record, response, body);
      });
    });
  }

  function settle(record, response, body) {
        if (response.status === 409 && body.code === "version_conflict") {
          /* Someone else saved this survey meanwhile: these answers stay on the phone as they
             are, next to the version now stored; nothing is sent again until the volunteer
             has opened the survey and sends it on purpose. */
          record.status = "conflict";
          record.error = body.error;
          record.conflict = { version: body.current.version, answers: body.current.answers };
          return SurveyDB.put(record).then(function () { conflicted(record); });
        }
        if (response.ok) {
          record.status = "sent";
          record.server = body.assessment;
          record.error = null;
        } else if (response.status >= 500 || response.status === 401 || response.status === 429) {
          // The server or the session is not ready: keep it queued and try again later.
          record.error = body.error || response.statusText;
        } else {
          record.status = "error";
          record.error = body.error || response.statusText;
          record.details = body.details || [];
        }
        return SurveyDB.put(record);
  }

  function flush() {
    if (sending || !navigator.onLine) { return Promise.resolve(); }
    sending = true;
    return SurveyDB.all().then(function (records) {
      var queued = records.filter(function (r) { return r.status === "queued"; });
      return queued.reduce(function (chain, record) {
        return chain.then(function () { return sendOne(record); });
      }, Promise.resolve());
    }).catch(function () {
      // Offline after all, or the request died half-way: the records stay queued.
    }).then(function () {
      sending = false;
      changed();
      return refreshStatuses();
    });
  }

  function refreshStatuses() {
    if (!navigator.onLine) { return Promise.resolve(); }
    return fetch(config.urls.mine, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { assessments: [] }; })
      .then(function (body) {
        var byKey = {};
        body.assessments.forEach(function (a) { byKey[a.idempotency_key] = a; });
        return SurveyDB.all().then(function (records) {
          return Promise.all(records.filter(function (r) {
            return r.status === "sent" && byKey[r.key] &&
              (!r.server || r.server.status !== byKey[r.key].status);
          }).map(function (r) { r.server = byKey[r.key]; return SurveyDB.put(r); }));
        });
      })
      .then(changed)
      .catch(function () {});
  }

  window.addEventListener("online", flush);
  window.addEventListener("offline", changed);
  setInterval(flush, 10000);

  window.SurveySync = {
    flush: flush,
    onChange: function (listener) { listeners.push(listener); },
    onConflict: function (listener) { conflictListeners.push(listener); },
    /* A survey opened again to be corrected: a refused one becomes a draft. One refused for a
       conflict starts from the version now stored: the volunteer has been told that someone
       else saved meanwhile, so what they send now is meant to replace it. */
    reopen: function (record) {
      if (record.status === "error") { record.status = "draft"; }
      if (record.status !== "conflict" || !record.conflict) { return false; }
      record.version = record.conflict.version;
      record.status = "draft";
      delete record.conflict;
      SurveyDB.put(record);
      return true;
    },
    queue: function (record) {
      record.status = "queued";
      record.error = null;
      return SurveyDB.put(record).then(function () { changed(); return flush(); });
    },
  };
})();
