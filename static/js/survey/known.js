/* What the survey already knows when it starts: the address typed when the place was created
   (it fills the general step), and, for a place surveyed before, its published answers, each
   marked as carried over until the volunteer confirms or changes it. */
(function () {
  "use strict";

  /* "114/3a" (číslo popisné / orientační + letter), "114", "3a", "ev. 12": as
     mapping/exchange/places.py's parse_house_number reads them. */
  function houseNumber(text) {
    var compact = String(text || "").replace(/\s+/g, "");
    var alternative = compact.indexOf("ev.") === 0;
    var match = /^(\d+)?(?:\/(\d+))?(\D*)$/.exec(alternative ? compact.slice(3) : compact);
    if (!match) { return {}; }
    var desc = match[1], orient = match[2], symbol = match[3];
    if (desc && orient === undefined && symbol) { return { streetOrientNo: Number(desc), streetOrientSymbol: symbol }; }
    var out = {};
    if (desc) { out.streetDescNo = Number(desc); }
    if (orient) { out.streetOrientNo = Number(orient); }
    if (symbol) { out.streetOrientSymbol = symbol; }
    if (alternative) { out.streetNoIsAlternative = true; }
    return out;
  }

  /* The general step's answers from a new place's address {street, house_number, postcode, city}. */
  function addressAnswers(address) {
    var answers = houseNumber(address.house_number);
    if (address.street) { answers.street = address.street; }
    if (address.city) { answers.city = address.city; }
    if (address.postcode) { answers.zipcode = address.postcode; }
    return answers;
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  /* The answer at `path` (`doorWidth` of `wc[0]`) in a whole survey's answers. */
  function at(answers, path) {
    var item = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(path);
    if (!item) { return answers[path]; }
    var list = answers[item[1]];
    return Array.isArray(list) && list[Number(item[2])] ? list[Number(item[2])][item[3]] : undefined;
  }

  /* Each answer carried over from the earlier survey says so next to its field, until the
     volunteer confirms it (measured again, the same: a button) or changes it. `record.base` holds
     the answers the survey started from, `record.confirmed` the paths confirmed. */
  function Marks(record, texts, lang) {
    this.record = record;
    this.texts = texts;
    this.lang = lang;
    this.record.confirmed = this.record.confirmed || {};
    this.fields = {};  /* path -> {field, target, note, button} */
  }

  Marks.prototype.shown = function (field, value) {
    var texts = this.texts;
    if (value === true || value === false) { return value ? texts.yes : texts.no; }
    var option = (field.enum || []).filter(function (o) { return o.value === value; })[0];
    if (option) { return option[this.lang] || option.en; }
    var unit = field.unit === "count" ? "" : (field.unit || "");
    return (String(value) + " " + unit).trim();
  };

  /* Called for each field as the form draws it: the note and the button, when it was known. */
  Marks.prototype.attach = function (wrapper, field, path, target) {
    var self = this;
    var before = at(this.record.base, path);
    if (before === undefined || before === null || before === "") { return; }
    var note = document.createElement("p");
    note.className = "known-mark";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button known-confirm";
    button.textContent = this.texts.known_confirm;
    var label = field[this.lang] || field.en;
    button.setAttribute("aria-label", this.texts.known_confirm + ": " + label.charAt(0).toUpperCase() + label.slice(1));
    button.addEventListener("click", function () {
      if (self.record.confirmed[path]) { delete self.record.confirmed[path]; } else { self.record.confirmed[path] = true; }
      self.update(path);
      if (self.onChange) { self.onChange(); }
    });
    wrapper.appendChild(note);
    wrapper.appendChild(button);
    this.fields[path] = { field: field, target: target, before: before, note: note, button: button };
    this.update(path);
  };

  Marks.prototype.update = function (path) {
    var known = this.fields[path];
    if (!known) { return; }
    var now = known.target[known.field.name];
    var kept = same(now, known.before);
    var confirmed = kept && Boolean(this.record.confirmed[path]);
    var texts = this.texts;
    if (!kept) { delete this.record.confirmed[path]; }
    known.note.textContent = kept
      ? (confirmed ? texts.known_confirmed : Bf.format(texts.known_carried, { date: this.record.base_date || "" }))
      : Bf.format(texts.known_changed, { value: this.shown(known.field, known.before) });
    known.note.dataset.state = confirmed ? "confirmed" : (kept ? "carried" : "changed");
    known.button.hidden = !kept;
    known.button.setAttribute("aria-pressed", confirmed ? "true" : "false");
  };

  /* Every answer of a step confirmed at once (the volunteer measured them all again). */
  Marks.prototype.confirmAll = function (prefix) {
    Object.keys(this.fields).forEach(function (path) {
      var known = this.fields[path];
      if (known.note.closest("[data-step]").id !== prefix) { return; }
      if (same(known.target[known.field.name], known.before)) { this.record.confirmed[path] = true; }
      this.update(path);
    }, this);
  };

  window.SurveyKnown = { houseNumber: houseNumber, addressAnswers: addressAnswers, Marks: Marks };
})();
