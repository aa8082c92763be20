/* Which fields of a record apply, from the conditions and sections the server sends with the form
   (mapping/methodology/applicability.py and conditions.py read the very same table). A record is
   the answers of a step or one ramp, lift or toilet. A field that stops applying keeps its value
   aside (and out of the answers) so that a mistaken answer, corrected, brings it back. */
(function () {
  "use strict";

  function hasValue(value) {
    return value !== undefined && value !== null && value !== "" &&
      !(Array.isArray(value) && !value.length);
  }

  function holds(condition, record, isOpen) {
    if (!condition) { return true; }
    if (condition.all) { return condition.all.every(function (c) { return holds(c, record, isOpen); }); }
    if (condition.any) { return condition.any.some(function (c) { return holds(c, record, isOpen); }); }
    if (condition.not) { return !holds(condition.not, record, isOpen); }
    if (condition.open) { return isOpen(condition.open); }
    var value = record[condition.field];
    if ("is" in condition) { return value === condition.is; }
    if ("in" in condition) { return condition.in.indexOf(value) >= 0; }
    if ("at_least" in condition) { return typeof value === "number" && value >= condition.at_least; }
    if ("answered" in condition) { return hasValue(value); }
    return true;
  }

  /* The fields and sections of one record. A section is open once the volunteer opened it or
     one of its fields (its nested sections' too) has an answer. */
  function Scope(fields, sections, record) {
    var self = this;
    this.fields = fields;
    this.record = record;
    this.stash = {};
    this.sections = {};
    this.members = {};
    this.opened = {};
    sections.forEach(function (section) {
      self.sections[section.name] = section;
      self.members[section.name] = [];
    });
    fields.forEach(function (field) {
      var name = field.section;
      while (name && self.sections[name]) {
        self.members[name].push(field.name);
        name = self.sections[name].parent;
      }
    });
    sections.forEach(function (section) {
      self.opened[section.name] = self.members[section.name].some(function (f) { return hasValue(record[f]); });
    });
  }

  Scope.prototype.sectionShown = function (name) {
    var section = this.sections[name];
    if (section.parent && !this.isOpen(section.parent)) { return false; }
    return holds(section.shown_if, this.record, this.isOpen.bind(this));
  };

  Scope.prototype.isOpen = function (name) {
    return Boolean(this.sections[name]) && this.opened[name] && this.sectionShown(name);
  };

  Scope.prototype.applies = function (field) {
    if (field.section && !this.isOpen(field.section)) { return false; }
    return holds(field.shown_if, this.record, this.isOpen.bind(this));
  };

  /* Moves answers of fields that stopped applying aside, brings back those that apply again;
     repeated until nothing moves (a hidden answer can hide another). Returns {name: applies}. */
  Scope.prototype.update = function () {
    var self = this;
    var shown = {};
    for (var round = 0; round < 8; round += 1) {
      var moved = false;
      this.fields.forEach(function (field) {
        var name = field.name;
        shown[name] = self.applies(field);
        if (!shown[name] && hasValue(self.record[name])) {
          self.stash[name] = self.record[name];
          delete self.record[name];
          moved = true;
        } else if (shown[name] && !hasValue(self.record[name]) && name in self.stash) {
          self.record[name] = self.stash[name];
          delete self.stash[name];
          moved = true;
        }
      });
      if (!moved) { break; }
    }
    return shown;
  };

  /* The volunteer removes a section: its answers go, kept nowhere. */
  Scope.prototype.clearSection = function (name) {
    var self = this;
    this.members[name].forEach(function (field) {
      delete self.record[field];
      delete self.stash[field];
    });
    Object.keys(this.sections).forEach(function (other) {
      var parent = self.sections[other].parent;
      if (parent === name) { self.opened[other] = false; }
    });
    this.opened[name] = false;
  };

  window.SurveyRules = { holds: holds, hasValue: hasValue, Scope: Scope };
})();
