/* The guided survey, built from the engine's structure: one step per part of the building,
   one question per field, follow-up questions only after a "yes", repeatable records (ramps,
   lifts, toilets) added on demand. Labels in the page's language; every input has a label. */
(function () {
  "use strict";

  var LONG_TEXT = /(Description|Notes|Localization|Desc)$/;

  var el = Bf.el;

  function SurveyForm(container, form, answers, lang, texts, onChange) {
    this.container = container;
    this.form = form;
    this.answers = answers;
    this.lang = lang === "en" ? "en" : "cs";
    this.texts = texts;
    this.onChange = onChange;
    this.current = 0;
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
      if (step.type === "items") { self.renderItems(section, step); }
      else { self.renderFields(section, step.fields, self.answers, "f-" + step.id); }
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
  };

  SurveyForm.prototype.isLast = function () { return this.current >= this.form.steps.length - 1; };

  SurveyForm.prototype.renderItems = function (section, step) {
    var self = this;
    var list = el("div", { class: "survey-items" });
    section.appendChild(list);
    var records = this.answers[step.id] = this.answers[step.id] || [];
    var add = el("button", { type: "button", class: "secondary" },
      this.texts.add_item.replace("%(name)s", this.label(step)));
    function draw() {
      list.textContent = "";
      records.forEach(function (record, i) {
        var box = el("fieldset", { class: "survey-item" });
        box.appendChild(el("legend", {}, self.label(step) + " " + (i + 1)));
        self.renderFields(box, step.fields, record, "f-" + step.id + "-" + i);
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
      var boxes = list.querySelectorAll(".survey-item legend");
      var last = boxes[boxes.length - 1];
      if (last) { last.setAttribute("tabindex", "-1"); last.focus(); }
    });
    draw();
    section.appendChild(add);
  };

  SurveyForm.prototype.renderFields = function (section, fields, target, prefix) {
    var self = this;
    var wrappers = {};
    fields.forEach(function (field) {
      var id = prefix + "-" + field.name;
      var wrapper = self.renderField(field, target, id, function () {
        self.applyGates(fields, target, wrappers);
        self.onChange();
      });
      wrappers[field.name] = wrapper;
      section.appendChild(wrapper);
    });
    this.applyGates(fields, target, wrappers);
  };

  SurveyForm.prototype.applyGates = function (fields, target, wrappers) {
    fields.forEach(function (field) {
      if (!field.shown_if) { return; }
      var shown = target[field.shown_if] === true;
      wrappers[field.name].hidden = !shown;
      if (!shown && field.name in target) { delete target[field.name]; }
    });
  };

  SurveyForm.prototype.labelText = function (field) {
    var text = this.label(field);
    text = text.charAt(0).toUpperCase() + text.slice(1);
    if (field.unit === "cm" || field.unit === "%" || field.unit === "kg") { text += " (" + field.unit + ")"; }
    if (field.required) { text += " – " + this.texts.required; }
    return text;
  };

  SurveyForm.prototype.renderField = function (field, target, id, changed) {
    var self = this;
    var wrapper = el("div", { class: "field", "data-field": field.name });
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
    var input;
    if (field.type === "enum") {
      input = el("select", { id: id, name: field.name });
      input.appendChild(el("option", { value: "" }, this.texts.choose));
      field.enum.forEach(function (option) {
        var node = el("option", { value: option.value }, self.label(option));
        node.selected = value === option.value;
        input.appendChild(node);
      });
    } else if (field.type === "integer" || field.type === "number") {
      input = el("input", {
        id: id, name: field.name, type: "number", inputmode: field.type === "integer" ? "numeric" : "decimal",
        step: field.type === "integer" ? "1" : "any", min: field.minimum, max: field.maximum,
      });
      if (value != null) { input.value = value; }
    } else if (field.type === "datetime") {
      input = el("input", { id: id, name: field.name, type: "date" });
      if (value) { input.value = String(value).slice(0, 10); }
    } else if (LONG_TEXT.test(field.name)) {
      input = el("textarea", { id: id, name: field.name, rows: "2" });
      if (value) { input.value = value; }
    } else {
      input = el("input", { id: id, name: field.name, type: "text" });
      if (value) { input.value = value; }
    }
    if (field.required) { input.setAttribute("aria-required", "true"); }
    input.addEventListener("input", function () {
      var raw = input.value.trim();
      if (raw === "") { delete target[field.name]; }
      else if (field.type === "integer" || field.type === "number") {
        var number = Number(raw.replace(",", "."));
        if (isFinite(number)) { target[field.name] = number; } else { target[field.name] = raw; }
      } else { target[field.name] = raw; }
      changed();
    });
    wrapper.appendChild(input);
    return wrapper;
  };

  SurveyForm.prototype.missingRequired = function () {
    var self = this;
    var missing = [];
    this.form.steps.forEach(function (step, index) {
      if (step.type === "items") {
        if (step.required && !(self.answers[step.id] || []).length) { missing.push({ step: index, label: self.label(step) }); }
        return;
      }
      step.fields.forEach(function (field) {
        var v = self.answers[field.name];
        if (field.required && (v == null || v === "")) {
          missing.push({ step: index, field: field.name, label: self.label(field) });
        }
      });
    });
    return missing;
  };

  window.SurveyForm = SurveyForm;
})();
