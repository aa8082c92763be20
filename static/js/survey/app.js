/* The survey app on a phone: choose or create the place, answer the guided survey with the
   category shown live, add photos with their text alternatives, submit (or queue when offline).
   Everything typed is saved on the phone at once, so a dead battery or a lost signal loses nothing. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("survey-config").textContent);
  var texts = JSON.parse(document.getElementById("survey-texts").textContent);
  var lang = document.documentElement.lang === "en" ? "en" : "cs";
  var $ = function (id) { return document.getElementById(id); };

  var structure = null;
  var record = null;
  var surveyForm = null;
  var problems = null;
  var saveTimer = null;
  var evaluateTimer = null;
  var map = null;
  var pin = null;

  function say(node, text) { node.textContent = text || ""; }

  var csrfToken = Bf.csrfToken;

  /* ---- connection and the local queue ---- */
  function showConnection() {
    say($("connection"), navigator.onLine ? texts.online : texts.offline);
    $("connection").className = navigator.onLine ? "connection online" : "connection offline";
  }

  /* The buttons of a row on this phone: resume a survey not sent, remove one not waiting. */
  function queueButtons(item, r) {
    var name = r.place_label || texts.unnamed;
    if (r.status === "draft" || r.status === "error" || r.status === "conflict") {
      var resume = Bf.el("button", { type: "button", "class": "secondary" },
        texts.resume + ": " + name);
      resume.addEventListener("click", function () { openSurvey(r); });
      item.appendChild(resume);
    }
    if (r.status !== "queued") {
      var remove = Bf.el("button", { type: "button", "class": "link-button" },
        texts.remove_local + ": " + name);
      remove.addEventListener("click", function () {
        if (r.status === "sent" || window.confirm(texts.confirm_remove)) {
          SurveyDB.remove(r.key).then(renderQueue);
        }
      });
      item.appendChild(remove);
    }
  }

  function renderQueue() {
    SurveyDB.all().then(function (records) { SurveyQueue.draw(records, texts, queueButtons); });
  }

  /* ---- choosing the place ---- */
  function setPosition(lat, lon, why) {
    $("place-lat").value = lat.toFixed(6);
    $("place-lon").value = lon.toFixed(6);
    if (map) {
      pin.setLatLng([lat, lon]);
      map.setView([lat, lon], Math.max(map.getZoom(), 17));
    }
    if (why) { say($("position-status"), why); }
    loadNear(lat, lon);
    suggestAddressSoon(lat, lon);
  }

  /* ---- the official address of a new place (RÚIAN), suggested, filled in only on request ---- */
  var ADDRESS_FIELDS = { street: "place-street", house_number: "place-house-number",
    postcode: "place-postcode", city: "place-city" };
  var addressTimer = null;
  var addressRequest = null;
  var suggestedAddress = null;

  function offerAddress(address) {
    suggestedAddress = address;
    $("use-address").hidden = !address;
  }

  /* Debounced: a pin dragged about asks once it rests; a newer position aborts an older question. */
  function suggestAddressSoon(lat, lon) {
    clearTimeout(addressTimer);
    if (addressRequest) { addressRequest.abort(); addressRequest = null; }
    offerAddress(null);
    addressTimer = setTimeout(function () { suggestAddress(lat, lon); }, 400);
  }

  function suggestAddress(lat, lon) {
    var status = $("address-suggestion");
    if (!navigator.onLine) { say(status, texts.address_offline); return; }
    var request = window.AbortController ? new AbortController() : null;
    addressRequest = request;
    var url = config.urls.address + "?lat=" + encodeURIComponent(lat.toFixed(6)) +
      "&lon=" + encodeURIComponent(lon.toFixed(6));
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" },
      signal: request ? request.signal : undefined })
      .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.json(); })
      .then(function (body) {
        if (addressRequest !== request) { return; }  /* a newer position asked meanwhile */
        addressRequest = null;
        var address = body.address;
        if (!address) { say(status, texts.address_none); offerAddress(null); return; }
        say(status, texts.address_nearest.replace("%(label)s", address.label)
          .replace("%(metres)s", Math.round(address.distance_m)));
        offerAddress(address);
      })
      .catch(function (error) {
        if ((error && error.name === "AbortError") || addressRequest !== request) { return; }
        addressRequest = null;
        say(status, navigator.onLine ? texts.address_failed : texts.address_offline);
        offerAddress(null);
      });
  }

  function useAddress() {
    var address = suggestedAddress;
    if (!address) { return; }
    Object.keys(ADDRESS_FIELDS).forEach(function (name) {
      $(ADDRESS_FIELDS[name]).value = address[name] || "";
    });
    $("place-ruian-code").value = address.ruian_address_code ? String(address.ruian_address_code) : "";
    say($("address-suggestion"), texts.address_used.replace("%(label)s", address.label));
    offerAddress(null);
    $("place-street").focus();  /* the button is gone: the volunteer checks what was filled in */
  }

  /* Typed over by hand, the address is no longer the official point's: forget its code. */
  function addressTyped() { $("place-ruian-code").value = ""; }

  function addressOfNewPlace() {
    var address = {};
    Object.keys(ADDRESS_FIELDS).forEach(function (name) {
      address[name] = $(ADDRESS_FIELDS[name]).value.trim();
    });
    var code = $("place-ruian-code").value;
    if (code) { address.ruian_address_code = parseInt(code, 10); }
    return address;
  }

  function loadNear(lat, lon) {
    if (!navigator.onLine) { say($("near-status"), texts.near_offline); return; }
    say($("near-status"), texts.near_loading);
    var url = config.urls.near + "?lat=" + encodeURIComponent(lat) + "&lon=" + encodeURIComponent(lon) + "&radius=300";
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { if (!response.ok) { throw new Error(); } return response.json(); })
      .then(function (body) {
        var list = $("near-list");
        list.textContent = "";
        body.places.forEach(function (place) {
          var item = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "place-choice";
          button.textContent = place.name + " – " + place.kind_label + ", " + place.distance_m + " m";
          button.addEventListener("click", function () { startResurvey(place); });
          item.appendChild(button);
          list.appendChild(item);
        });
        say($("near-status"), Bf.format(texts.near_count, { count: body.places.length }));
        say($("position-warning"), body.outside ? texts.outside_area : "");
      })
      .catch(function () { say($("near-status"), texts.near_failed); });
  }

  function setUpMap() {
    if (!window.BfMap) { return; }
    map = BfMap.makeMap("survey-map");
    pin = L.marker(map.getCenter(), { draggable: true, keyboard: true, title: texts.pin, alt: texts.pin }).addTo(map);
    pin.on("dragend", function () {
      var at = pin.getLatLng();
      setPosition(at.lat, at.lng, texts.position_from_pin);
    });
    map.on("click", function (event) { setPosition(event.latlng.lat, event.latlng.lng, texts.position_from_pin); });
  }

  function locate() {
    Bf.locate(texts.position, function (text, failed) {
      say($("position-status"), failed ? text + " " + texts.use_the_map_instead : text);
    }, function (position) {
      setPosition(position.coords.latitude, position.coords.longitude,
        Bf.format(texts.position_from_gps, { metres: Math.round(position.coords.accuracy) }));
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }

  var firstPhoto = null;
  function photoChosen() {
    var file = $("first-photo").files[0];
    firstPhoto = file || null;
    if (!file) { return; }
    SurveyExif.gpsFromFile(file).then(function (gps) {
      if (gps) { setPosition(gps.lat, gps.lon, texts.position_from_photo); }
      else { say($("position-status"), texts.photo_without_gps); }
    });
  }

  function startNew() {
    var name = $("place-name").value.trim();
    var lat = parseFloat($("place-lat").value);
    var lon = parseFloat($("place-lon").value);
    var wrong = [];
    if (!name) { wrong.push(texts.need_name); }
    if (!isFinite(lat) || !isFinite(lon)) { wrong.push(texts.need_position); }
    if (wrong.length) {
      say($("new-place-errors"), wrong.join(" "));
      $("new-place-errors").focus();
      return;
    }
    say($("new-place-errors"), "");
    var kind = $("place-kind").value;
    var place = { name: name, kind: kind, lat: lat, lon: lon };
    var address = addressOfNewPlace();
    Object.keys(address).forEach(function (field) { place[field] = address[field]; });
    startSurvey(place, name, kind, firstPhoto, SurveyKnown.addressAnswers(address));
  }

  /* ---- the survey ---- */
  /* A place surveyed before: the survey starts from its published answers (when online). */
  function startResurvey(place) {
    fetch(config.urls.place_answers.replace("/0/", "/" + place.id + "/"), { credentials: "same-origin" })
      .then(function (response) { if (!response.ok) { throw new Error(); } return response.json(); })
      .then(function (body) {
        var known = body.based_on ? { base: JSON.parse(JSON.stringify(body.answers)), based_on: body.based_on.id,
          base_date: new Date(body.based_on.survey_date).toLocaleDateString(lang) } : {};
        startSurvey({ id: place.id }, place.name, place.kind, null, body.answers, known);
      })
      .catch(function () { startSurvey({ id: place.id }, place.name, place.kind); });
  }

  function startSurvey(place, label, kind, photo, answers, known) {
    var fresh = {
      key: SurveyDB.newKey(),
      status: "draft",
      place: place,
      place_label: label,
      place_kind: kind,
      answers: answers || {},
      photos: [],
      survey_date: new Date().toISOString().slice(0, 10),
    };
    Object.keys(known || {}).forEach(function (name) { fresh[name] = known[name]; });
    if (photo) { fresh.photos.push({ blob: photo, name: photo.name, type: photo.type, alt_text: "", subject: "entrance" }); }
    SurveyDB.put(fresh).then(function () { openSurvey(fresh); renderQueue(); });
  }

  function openSurvey(r) {
    record = r;
    var rebased = SurveySync.reopen(record);
    var form = structure.forms[record.place_kind] || structure.forms.building;
    $("place-step").hidden = true;
    $("survey-step").hidden = false;
    $("finish-step").hidden = true;
    say($("survey-title"), texts.surveying.replace("%(name)s", record.place_label));
    var marks = record.base ? new SurveyKnown.Marks(record, texts, lang) : null;
    if (marks) { marks.onChange = changed; }
    surveyForm = new SurveyForm($("survey-steps"), form, record.answers, lang, texts, changed, marks);
    surveyForm.onStep = function (index) {  /* a draft resumes at the step the volunteer left */
      record.step = index;
      SurveyDB.put(record);
    };
    if (record.step) { surveyForm.go(record.step); }
    $("survey-date").value = record.survey_date;
    problems = new SurveyFeedback.Problems(surveyForm, texts, lang, goTo);
    problems.fromServer(r.details || []);
    renderPhotos();
    evaluateSoon();
    say($("saved"), rebased ? texts.conflict_reopened
      : (record.base ? texts.known_started.replace("%(date)s", record.base_date) : ""));
    $("survey-title").focus();
  }

  function changed() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(function () {
      if (!record) { return; }  /* submitted meanwhile: the queue stored it */
      SurveyDB.put(record).then(renderQueue);
      say($("saved"), texts.saved);
    }, 300);
    if (problems && problems.told) { problems.beforeSending(record); }  /* once told, the list follows the fixes */
    evaluateSoon();
  }

  function evaluateSoon() {
    clearTimeout(evaluateTimer);
    $("live-category").dataset.state = "pending";  /* "done" once the answer is shown */
    evaluateTimer = setTimeout(evaluate, 500);
  }

  function evaluate() {
    if (!record) { return; }  /* the survey was submitted before the timer fired */
    if (!navigator.onLine) { say($("live-category"), texts.category_offline); return; }
    fetch(config.urls.evaluate, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(), Accept: "application/json" },
      body: JSON.stringify({ answers: record.answers, place_kind: record.place_kind }),
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (answer) {
      $("live-category").dataset.state = "done";
      if (!answer.ok) {
        say($("live-category"), answer.body.error || texts.category_unknown);
        problems.fromServer(answer.body.details || []);
        return;
      }
      problems.fromServer([]);
      SurveyFeedback.live($("live-category"), $("live-todo"), answer.body, texts, lang, goTo);
      surveyForm.setAll("warning", (answer.body.warnings || []).map(function (w) {
        return { path: w.field, text: w[lang] };
      }));
    }).catch(function () { say($("live-category"), texts.category_offline); });
  }

  /* Takes the volunteer to a field of the survey, or to a photo's description. */
  function goTo(path) {
    var photo = /^photo:(\d+)$/.exec(path);
    $("survey-step").hidden = Boolean(photo);
    $("finish-step").hidden = !photo;
    if (photo) { $("photo-alt-" + photo[1]).focus(); return; }
    surveyForm.goTo(path);
  }

  function next() {
    if (surveyForm.isLast()) {
      $("survey-step").hidden = true;
      $("finish-step").hidden = false;
      $("finish-title").focus();
    } else {
      surveyForm.go(surveyForm.current + 1);
    }
  }

  function back() {
    if (!$("finish-step").hidden) {
      $("finish-step").hidden = true;
      $("survey-step").hidden = false;
      surveyForm.go(surveyForm.current);
    } else if (surveyForm.current > 0) {
      surveyForm.go(surveyForm.current - 1);
    }
  }

  /* ---- photos (photos.js) ---- */
  function renderPhotos() { SurveyPhotos.render($("photo-list"), record, config, texts, changed, renderPhotos); }

  function addPhotos() {
    SurveyPhotos.add($("more-photos"), record);
    renderPhotos();
    changed();
  }

  function submit() {
    var button = $("submit-survey");
    if (button.disabled) { return; }
    record.survey_date = $("survey-date").value || record.survey_date;
    var missing = problems.beforeSending(record);
    if (missing.length) {
      goTo(missing[0].path);
      return;
    }
    if (!config.can_submit) {
      say($("finish-status"), texts.not_approved);
      $("finish-status").focus();
      return;
    }
    button.disabled = true;
    /* The queue stores the record now: a save still pending would later write it back over
       what the sending did ("sent" turned into "queued" again). */
    clearTimeout(saveTimer);
    SurveySync.queue(record).then(function () {
      return SurveyDB.get(record.key);
    }).then(function (stored) {
      var done = stored && stored.status === "sent" ? texts.submitted : texts.queued;
      if (stored && stored.status === "error") { done = texts.status_error + " " + stored.error; }
      if (stored && stored.status === "conflict") { done = texts.status_conflict + " " + stored.error; }
      finish(done);
    }).catch(function () { finish(texts.queued); });
  }

  function finish(message) {
    clearTimeout(evaluateTimer);
    $("submit-survey").disabled = false;
    $("survey-step").hidden = true;
    $("finish-step").hidden = true;
    $("place-step").hidden = false;
    record = null;
    say($("app-status"), message);
    renderQueue();
    $("app-status").focus();
  }

  /* ---- start ---- */
  function loadStructure() {
    return fetch(config.urls.structure, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (body) { structure = body; });
  }

  /* A returned survey opened from "my submissions" (?oprava=<id>): corrected here, sent again. */
  function openCorrection() {
    var pk = new URLSearchParams(window.location.search).get("oprava");
    if (!pk || !/^[0-9]+$/.test(pk)) { return; }
    var key = "server-" + pk;
    SurveyDB.get(key).then(function (stored) {
      if (stored && stored.status !== "sent") { openSurvey(stored); return; }
      return fetch(config.urls.assessment.replace("/0/", "/" + pk + "/"), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (body) {
          var a = body.assessment;
          if (!a || !a.answers) { return; }
          var fresh = { key: key, server_pk: a.id, status: "draft", place: { id: a.place.id },
            place_label: a.place.name, place_kind: a.place_kind, answers: a.answers, photos: [],
            survey_date: a.survey_date, version: a.version };
          return SurveyDB.put(fresh).then(function () { openSurvey(fresh); renderQueue(); });
        });
    }).catch(function () {});
  }

  function registerWorker() {
    if (!("serviceWorker" in navigator)) { return; }
    navigator.serviceWorker.register(config.urls.sw, { scope: config.urls.scope }).catch(function () {});
  }

  document.addEventListener("DOMContentLoaded", function () {
    showConnection();
    window.addEventListener("online", showConnection);
    window.addEventListener("offline", showConnection);
    setUpMap();
    $("locate").addEventListener("click", locate);
    $("first-photo").addEventListener("change", photoChosen);
    $("start-new").addEventListener("click", startNew);
    $("use-address").addEventListener("click", useAddress);
    Object.keys(ADDRESS_FIELDS).forEach(function (name) {
      $(ADDRESS_FIELDS[name]).addEventListener("input", addressTyped);
    });
    $("next-step").addEventListener("click", next);
    $("previous-step").addEventListener("click", back);
    $("finish-back").addEventListener("click", back);
    $("more-photos").addEventListener("change", addPhotos);
    $("survey-date").addEventListener("change", function () { record.survey_date = $("survey-date").value; changed(); });
    $("submit-survey").addEventListener("click", submit);
    ["place-lat", "place-lon"].forEach(function (id) {
      $(id).addEventListener("change", function () {
        var lat = parseFloat($("place-lat").value);
        var lon = parseFloat($("place-lon").value);
        if (isFinite(lat) && isFinite(lon)) { setPosition(lat, lon, ""); }
      });
    });
    SurveySync.onChange(renderQueue);
    SurveySync.onConflict(function (r) {  /* found in the background; submit() says its own */
      if (!record || record.key !== r.key) { say($("app-status"), texts.status_conflict + " " + r.error); }
    });
    loadStructure().then(function () {
      document.body.dataset.ready = "true";
      openCorrection();
    });
    renderQueue();
    SurveySync.flush();
    registerWorker();
  });
})();
