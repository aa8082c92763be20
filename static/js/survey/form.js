/* The guided survey, built from the engine's structure: one step per part of the building, a
   few questions at a time. A field is shown only when the answers so far make it apply (rules.js);
   a second door, a hallway or the details few places need open with a button, and repeatable
   records (ramps, lifts, toilets) are added on demand. A problem is told next to its field, in
   words. Labels in the page's language; every input has a label. */
(function () {
  "use strict";

  var LONG_TEXT = /(Description|Notes|Localization|Desc)$/;

  var el = Bf.el;

  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  /* `marks` (known.js): the answers carried over from an earlier survey, marked at their fields. */
  function SurveyForm(container, form, answers, lang, texts, onChange, marks) {
    this.marks = marks || null;
    this.container = container;
    this.form = form;
    this.answers = answers;
    this.lang = lang === "en" ? "en" : "cs";
    this.texts = texts;
    this.onChange = onChange;
    this.current = 0;
    this.views = [];
    this.errors = {};  /* input id -> {client, server, warning} */
    this.render();
  }

  SurveyForm.prototype.label = function (thing) { return thing[this.lang] || thing.en; };

  SurveyForm.prototype.render = function () {
    var self = this;
    this.container.textContent = "";
    this.progress = el("p", { id: "step-progress", class: "step-progress", "aria-live": "polite" });
    this.container.appendChild(this.progress);
    this.sections = this.form.steps.map(function (step, index) {
      var section = el("fieldset", { class: "survey-step", id: "step-" + step.id, "data-step": step.id });
      section.appendChild(el("legend", {}, self.label(step)));
      if (step.type === "items") { self.renderItems(section, step, index); }
      else { self.renderRecord(section, step, self.answers, "f-" + step.id, index); }
      if (self.marks && section.querySelector(".known-mark")) { self.confirmAllButton(section); }
      section.hidden = index !== self.current;
      self.container.appendChild(section);
      return section;
    });
    this.updateProgress();
  };

  SurveyForm.prototype.updateProgress = function () {
    var step = this.form.steps[this.current];
    this.progress.textContent = this.texts.step
      .replace("%(n)s", this.current + 1)
      .replace("%(total)s", this.form.steps.length)
      .replace("%(name)s", step ? this.label(step) : "");
  };

  SurveyForm.prototype.go = function (index) {
    this.current = Math.max(0, Math.min(index, this.form.steps.length - 1));
    this.sections.forEach(function (section, i) { section.hidden = i !== this.current; }, this);
    this.updateProgress();
    var legend = this.sections[this.current].querySelector("legend");
    legend.setAttribute("tabindex", "-1");
    legend.focus();
    if (this.onStep) { this.onStep(this.current); }
  };

  SurveyForm.prototype.isLast = function () { return this.current >= this.form.steps.length - 1; };

  SurveyForm.prototype.renderItems = function (section, step, stepIndex) {
    var self = this;
    var list = el("div", { class: "survey-items" });
    section.appendChild(list);
    var records = this.answers[step.id] = this.answers[step.id] || [];
    var add = el("button", { type: "button", class: "secondary", id: "add-" + step.id },
      this.texts.add_item.replace("%(name)s", this.label(step)));
    function draw() {
      list.textContent = "";
      self.views = self.views.filter(function (view) { return view.step !== stepIndex; });
      records.forEach(function (record, i) {
        var box = el("fieldset", { class: "survey-item" });
        box.appendChild(el("legend", {}, self.label(step) + " " + (i + 1)));
        self.renderRecord(box, step, record, "f-" + step.id + "-" + i, stepIndex);
        var remove = el("button", { type: "button", class: "link-button" },
          self.texts.remove_item.replace("%(name)s", self.label(step) + " " + (i + 1)));
        remove.addEventListener("click", function () {
          records.splice(i, 1);
          draw();
          self.onChange();
          add.focus();
        });
        box.appendChild(remove);
        list.appendChild(box);
      });
      if (!records.length) { list.appendChild(el("p", { class: "hint" }, self.texts.no_items)); }
    }
    add.addEventListener("click", function () {
      records.push({});
      draw();
      self.onChange();
      var boxes = list.querySelectorAll(".survey-item > legend");
      var last = boxes[boxes.length - 1];
      if (last) { last.setAttribute("tabindex", "-1"); last.focus(); }
    });
    draw();
    section.appendChild(add);
  };

  /* One record's fields, each in its section's box; a section's box opens with its button. */
  SurveyForm.prototype.renderRecord = function (container, step, record, prefix, stepIndex) {
    var self = this;
    var view = { step: stepIndex, prefix: prefix, wrappers: {}, boxes: {},
      scope: new SurveyRules.Scope(step.fields, step.sections || [], record) };
    function boxFor(name) {
      if (!name || !view.scope.sections[name]) { return container; }
      if (!view.boxes[name]) {
        var parent = boxFor(view.scope.sections[name].parent);
        view.boxes[name] = self.renderSection(parent, view, view.scope.sections[name]);
      }
      return view.boxes[name].fields;
    }
    step.fields.forEach(function (field) {
      var id = prefix + "-" + field.name;
      var path = step.type === "items" ? step.id + "[" + prefix.split("-").pop() + "]." + field.name : field.name;
      var wrapper = self.renderField(field, record, id, function () {
        if (self.errors[id] && self.errors[id].required) { self.setError(id, "required", ""); }
        if (self.marks) { self.marks.update(path); }
        self.refresh(view);
        self.onChange();
      });
      if (self.marks) { self.marks.attach(wrapper, field, path, record); }
      view.wrappers[field.name] = wrapper;
      boxFor(field.section).appendChild(wrapper);
    });
    this.views.push(view);
    this.refresh(view);
  };

  SurveyForm.prototype.renderSection = function (parent, view, section) {
    var self = this;
    var bodyId = view.prefix + "-section-" + section.name;
    var add = el("button", { type: "button", class: "secondary add-section", "aria-expanded": "false",
      "aria-controls": bodyId, "data-section": section.name }, this.label(section.add));
    var body = el("fieldset", { class: "survey-section", id: bodyId, "data-section": section.name });
    body.appendChild(el("legend", { tabindex: "-1" }, capital(this.label(section))));
    var fields = el("div");
    body.appendChild(fields);
    var remove = el("button", { type: "button", class: "link-button" },
      this.texts.remove_section.replace("%(name)s", this.label(section)));
    body.appendChild(remove);
    add.addEventListener("click", function () {
      view.scope.opened[section.name] = true;
      self.refresh(view);
      body.querySelector("legend").focus();
    });
    remove.addEventListener("click", function () {
      view.scope.clearSection(section.name);
      body.querySelectorAll("input, select, textarea").forEach(function (input) {
        if (input.type === "radio") { input.checked = input.value === "unknown"; } else { input.value = ""; }
      });
      self.refresh(view);
      self.onChange();
      add.focus();
    });
    parent.appendChild(add);
    parent.appendChild(body);
    return { add: add, body: body, fields: fields };
  };

  /* A step with answers carried over from the earlier survey: confirm them all at once. */
  SurveyForm.prototype.confirmAllButton = function (section) {
    var self = this;
    var button = el("button", { type: "button", class: "secondary" }, this.texts.known_confirm_all);
    button.addEventListener("click", function () {
      self.marks.confirmAll(section.id);
      self.onChange();
    });
    section.insertBefore(button, section.querySelector("legend").nextSibling);
  };

  SurveyForm.prototype.refresh = function (view) {
    var shown = view.scope.update();
    Object.keys(view.wrappers).forEach(function (name) { view.wrappers[name].hidden = !shown[name]; });
    Object.keys(view.boxes).forEach(function (name) {
      var box = view.boxes[name];
      var visible = view.scope.sectionShown(name) &&
        (!view.scope.sections[name].parent || view.scope.isOpen(view.scope.sections[name].parent));
      var open = visible && view.scope.isOpen(name);
      box.add.hidden = !visible || open;
      box.add.setAttribute("aria-expanded", open ? "true" : "false");
      box.body.hidden = !open;
    });
  };

  SurveyForm.prototype.labelText = function (field) {
    var text = capital(this.label(field));
    if (field.unit === "cm" || field.unit === "%" || field.unit === "kg") { text += " (" + field.unit + ")"; }
    if (field.required) { text += " – " + this.texts.required; }
    return text;
  };

  SurveyForm.prototype.renderField = function (field, target, id, changed) {
    var self = this;
    var wrapper = el("div", { class: "field", "data-field": field.name, id: id + "-field" });
    var value = target[field.name];
    if (field.type === "boolean") {
      var group = el("fieldset", { class: "yes-no" });
      group.appendChild(el("legend", {}, this.labelText(field)));
      [["yes", true], ["no", false], ["unknown", null]].forEach(function (choice) {
        var optionId = id + "-" + choice[0];
        var input = el("input", { type: "radio", name: id, id: optionId, value: choice[0] });
        input.checked = value === choice[1] || (choice[1] === null && value == null);
        input.addEventListener("change", function () {
          if (choice[1] === null) { delete target[field.name]; } else { target[field.name] = choice[1]; }
          changed();
        });
        var label = el("label", { for: optionId });
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + self.texts[choice[0]]));
        group.appendChild(label);
      });
      wrapper.appendChild(group);
      return wrapper;
    }
    wrapper.appendChild(el("label", { for: id }, this.labelText(field)));
    var input = this.inputFor(field, id, value);
    if (field.required) { input.setAttribute("aria-required", "true"); }
    input.addEventListener("input", function () {
      var raw = input.value.trim();
      if (raw === "") { delete target[field.name]; }
      else if (field.type === "integer" || field.type === "number") {
        var number = Number(raw.replace(",", "."));
        if (isFinite(number)) { target[field.name] = number; } else { target[field.name] = raw; }
      } else { target[field.name] = raw; }
      if (self.errors[id] && self.errors[id].client) { self.checkNumber(field, input); }
      changed();
    });
    if (field.type === "integer" || field.type === "number") {
      input.addEventListener("change", function () { self.checkNumber(field, input); });
    }
    wrapper.appendChild(input);
    return wrapper;
  };

  SurveyForm.prototype.inputFor = function (field, id, value) {
    var self = this;
    var input;
    if (field.type === "enum") {
      input = el("select", { id: id, name: field.name });
      input.appendChild(el("option", { value: "" }, this.texts.choose));
      field.enum.forEach(function (option) {
        var node = el("option", { value: option.value }, self.label(option));
        node.selected = value === option.value;
        input.appendChild(node);
      });
      return input;
    }
    if (field.type === "integer" || field.type === "number") {
      input = el("input", {
        id: id, name: field.name, type: "text", inputmode: field.type === "integer" ? "numeric" : "decimal",
        autocomplete: "off",
      });
    } else if (field.type === "datetime") {
      input = el("input", { id: id, name: field.name, type: "date" });
      if (value) { value = String(value).slice(0, 10); }
    } else if (LONG_TEXT.test(field.name)) {
      input = el("textarea", { id: id, name: field.name, rows: "2" });
    } else {
      input = el("input", { id: id, name: field.name, type: "text" });
    }
    if (value != null) { input.value = value; }
    return input;
  };

  /* A number checked as soon as the volunteer leaves the field: the phone knows the range. */
  SurveyForm.prototype.checkNumber = function (field, input) {
    var raw = input.value.trim();
    var number = Number(raw.replace(",", "."));
    var unit = field.unit === "count" ? "" : (field.unit || "");
    var problem = "";
    if (raw !== "" && !isFinite(number)) { problem = this.texts.error_number; }
    else if (raw !== "" && field.type === "integer" && Math.round(number) !== number) { problem = this.texts.error_whole; }
    else if (raw !== "" && ((field.minimum != null && number < field.minimum) ||
      (field.maximum != null && number > field.maximum))) {
      problem = this.texts.error_range.replace("%(min)s", field.minimum).replace("%(max)s", field.maximum)
        .replace("%(unit)s", unit).trim();
    }
    this.setError(input.id, "client", problem);
  };

  /* ---- problems at their field: a message next to it, in words, tied to it for screen readers ---- */

  /* The input id of a field path: `entrance1Door1MainpanelWidth` or `wc[0].doorWidth`. */
  SurveyForm.prototype.idFor = function (path) {
    var item = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(path);
    var steps = this.form.steps;
    for (var i = 0; i < steps.length; i += 1) {
      if (item && steps[i].id === item[1]) { return "f-" + item[1] + "-" + item[2] + "-" + item[3]; }
      if (!item && steps[i].type !== "items" &&
        steps[i].fields.some(function (f) { return f.name === path; })) { return "f-" + steps[i].id + "-" + path; }
    }
    return null;
  };

  SurveyForm.prototype.stepOf = function (path) {
    var name = /^\w+/.exec(path)[0];
    for (var i = 0; i < this.form.steps.length; i += 1) {
      var step = this.form.steps[i];
      if (step.id === name || step.fields.some(function (f) { return f.name === name; })) { return i; }
    }
    return -1;
  };

  /* Shows the field's step and puts the focus in it; false when it is not on the form. */
  SurveyForm.prototype.goTo = function (path) {
    var index = this.stepOf(path);
    if (index < 0) { return false; }
    this.go(index);
    var id = this.idFor(path);
    var wrapper = id && document.getElementById(id + "-field");
    var target = wrapper && !wrapper.closest("[hidden]") ? wrapper.querySelector("input, select, textarea")
      : document.getElementById("add-" + this.form.steps[index].id);
    if (target) { target.focus(); }
    return Boolean(target);
  };

  /* kind: "client" (checked on the phone), "server" (the engine's) or "warning" (a contradiction). */
  SurveyForm.prototype.setError = function (id, kind, text) {
    var wrapper = id && document.getElementById(id + "-field");
    if (!wrapper) { return false; }
    var state = this.errors[id] = this.errors[id] || {};
    state[kind] = text || "";
    var problem = state.client || state.server || state.required || "";
    var control = wrapper.querySelector(".yes-no") || wrapper.querySelector("input, select, textarea");
    var note = wrapper.querySelector(".field-error");
    if (!note) {
      note = el("p", { class: "field-error", id: id + "-error" });
      wrapper.insertBefore(note, control);
    }
    note.textContent = problem || state.warning || "";
    note.className = problem ? "field-error" : "field-error field-warning";
    note.hidden = !note.textContent;
    if (note.hidden) { control.removeAttribute("aria-describedby"); } else { control.setAttribute("aria-describedby", note.id); }
    if (problem && control.tagName !== "FIELDSET") { control.setAttribute("aria-invalid", "true"); }
    else { control.removeAttribute("aria-invalid"); }
    return !wrapper.hidden;
  };

  /* Replaces the notes of one kind; returns those shown at a field: [{path, text}]. */
  SurveyForm.prototype.setAll = function (kind, entries) {
    var self = this;
    Object.keys(this.errors).forEach(function (id) { if (self.errors[id][kind]) { self.setError(id, kind, ""); } });
    return entries.filter(function (entry) { return self.setError(self.idFor(entry.path), kind, entry.text); });
  };

  /* Required answers not given, among the fields that apply: [{path, label}]. */
  SurveyForm.prototype.missingRequired = function () {
    var self = this;
    var missing = [];
    this.form.steps.forEach(function (step) {
      if (step.type === "items") {
        if (step.required && !(self.answers[step.id] || []).length) { missing.push({ path: step.id, label: self.label(step) }); }
        return;
      }
      var view = self.views.filter(function (v) { return self.form.steps[v.step] === step; })[0];
      step.fields.forEach(function (field) {
        var v = self.answers[field.name];
        if (field.required && (v == null || v === "") && (!view || view.scope.applies(field))) {
          missing.push({ path: field.name, label: capital(self.label(field)) });
        }
      });
    });
    return missing;
  };

  window.SurveyForm = SurveyForm;
})();
