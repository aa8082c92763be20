/* What the survey tells the volunteer beside the questions: the categories so far (or that the
   measurements deciding them are not there yet, and which), the answers that contradict each
   other, and the list of problems to fix, each a button that takes them to the field. */
(function () {
  "use strict";

  // The shared helper (static/js/helpers.js), with the class as this script's usual attribute.
  function node(tag, className, text) {
    return Bf.el(tag, className ? { "class": className } : null, text);
  }

  /* A list of [{path, text}] as buttons that go to the field; [] leaves nothing. */
  function linkList(entries, goTo) {
    var list = node("ul", "goto-list");
    entries.forEach(function (entry) {
      var item = node("li");
      var button = node("button", "link-button", entry.text);
      button.type = "button";
      button.dataset.path = entry.path;
      button.addEventListener("click", function () { goTo(entry.path); });
      item.appendChild(button);
      list.appendChild(item);
    });
    return list;
  }

  /* The categories in the status box (read out when they change); what to measure and the
     contradictions in the box below it, which is not read out at every keystroke. */
  function live(status, todo, body, texts, lang, goTo) {
    status.textContent = "";
    todo.textContent = "";
    var result = body.result;
    var undecided = body.undecided || {};
    var list = node("ul");
    ["wheelchair", "seniors", "pram"].forEach(function (profile) {
      var open = (undecided[profile] || []).length > 0;
      var item = node("li", "category category-" + (open ? "undecided" : result[profile]),
        texts.profiles[profile] + ": " + (open ? texts.not_enough : texts.categories[result[profile]]));
      item.dataset.profile = profile;
      item.dataset.category = open ? "undecided" : result[profile];
      list.appendChild(item);
    });
    status.appendChild(list);
    var reasons = (result.profiles.wheelchair.reasons || []).slice(0, 3);
    if (reasons.length) {
      status.appendChild(node("p", "", texts.why + " " + reasons.map(function (r) { return r[lang]; }).join(" ")));
    }
    var warnings = body.warnings || [];
    if (warnings.length) {
      status.appendChild(node("p", "live-warning-count", Bf.format(texts.warnings_count, { count: warnings.length })));
      todo.appendChild(node("h3", "", texts.warnings_title));
      todo.appendChild(linkList(warnings.map(function (w) { return { path: w.field, text: w[lang] }; }), goTo));
    }
    var toMeasure = body.still_to_measure || [];
    if (toMeasure.length) {
      todo.appendChild(node("h3", "", texts.still_to_measure));
      todo.appendChild(linkList(toMeasure.map(function (m) {
        return { path: m.field, text: m[lang].charAt(0).toUpperCase() + m[lang].slice(1) };
      }), goTo));
    }
    todo.hidden = !todo.childNodes.length;
  }

  /* The problems that stop the survey, above it: a heading and a button per problem. */
  function summary(box, heading, entries, goTo) {
    box.textContent = "";
    box.hidden = !entries.length;
    if (!entries.length) { return; }
    box.appendChild(node("h3", "", heading));
    box.appendChild(linkList(entries, goTo));
  }

  /* What stops the survey: the answers and photo descriptions still missing (once the volunteer
     tried to send it: from then on the list follows the fixes), then the engine's objections;
     each next to its field, and listed above the survey and above the send button. */
  function Problems(form, texts, lang, goTo) {
    this.form = form;
    this.texts = texts;
    this.lang = lang;
    this.goTo = goTo;
    this.told = false;
    this.missing = [];
    this.server = [];
  }

  Problems.prototype.show = function () {
    var texts = this.texts;
    summary(document.getElementById("error-summary"), texts.fix_these, this.missing.concat(this.server), this.goTo);
    summary(document.getElementById("finish-errors"), texts.required_missing, this.missing, this.goTo);
  };

  /* The engine's objections: next to the field in words (`problem`), listed with the label. */
  Problems.prototype.fromServer = function (details) {
    var lang = this.lang;
    this.form.setAll("server", details.filter(function (d) { return d.field; }).map(function (d) {
      return { path: d.field, text: d.problem ? d.problem[lang] : d[lang] };
    }));
    this.server = details.map(function (d) { return { path: d.field || "", text: d[lang] || d.message || "" }; });
    this.show();
  };

  /* Required answers and photo descriptions missing, marked and listed: [{path, text}]. */
  Problems.prototype.beforeSending = function (record) {
    var texts = this.texts;
    var required = this.form.missingRequired().map(function (m) {
      return { path: m.path, text: Bf.format(texts.required_field, { label: m.label }) };
    });
    this.form.setAll("required", required.map(function (m) { return { path: m.path, text: texts.required_here }; }));
    this.missing = required.concat(SurveyPhotos.check(record, texts));
    this.told = true;
    this.show();
    return this.missing;
  };

  window.SurveyFeedback = { live: live, summary: summary, Problems: Problems };
})();
