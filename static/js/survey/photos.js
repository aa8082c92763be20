/* The photos of a survey: each kept as a Blob with the survey in IndexedDB, each with its
   required text alternative and what it shows. The server strips their metadata on arrival. */
(function () {
  "use strict";

  function render(list, record, config, texts, changed, again) {
    list.textContent = "";
    record.photos.forEach(function (photo, index) {
      var item = document.createElement("li");
      item.className = "photo-item";
      var altId = "photo-alt-" + index;
      var label = document.createElement("label");
      label.setAttribute("for", altId);
      label.textContent = texts.alt_label.replace("%(n)s", index + 1) + " – " + texts.required;
      var alt = document.createElement("textarea");
      alt.id = altId;
      alt.rows = 2;
      alt.value = photo.alt_text || "";
      alt.setAttribute("aria-required", "true");
      alt.addEventListener("input", function () {
        photo.alt_text = alt.value;
        if (alt.value.trim()) { mark(index, ""); }
        changed();
      });
      var subjectId = "photo-subject-" + index;
      var subjectLabel = document.createElement("label");
      subjectLabel.setAttribute("for", subjectId);
      subjectLabel.textContent = texts.subject_label.replace("%(n)s", index + 1);
      var subject = document.createElement("select");
      subject.id = subjectId;
      config.subjects.forEach(function (choice) {
        var option = document.createElement("option");
        option.value = choice.value;
        option.textContent = choice.label;
        option.selected = photo.subject === choice.value;
        subject.appendChild(option);
      });
      subject.addEventListener("change", function () { photo.subject = subject.value; changed(); });
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "link-button";
      remove.textContent = texts.remove_photo.replace("%(n)s", index + 1);
      remove.addEventListener("click", function () { record.photos.splice(index, 1); again(); changed(); });
      var name = document.createElement("p");
      name.textContent = (photo.name || "") + " (" + Math.round((photo.blob.size || 0) / 1024) + " kB)";
      var problem = document.createElement("p");
      problem.className = "field-error";
      problem.id = altId + "-error";
      problem.hidden = true;
      [name, label, problem, alt, subjectLabel, subject, remove].forEach(function (node) { item.appendChild(node); });
      list.appendChild(item);
    });
  }

  function add(input, record) {
    Array.prototype.forEach.call(input.files, function (file) {
      record.photos.push({ blob: file, name: file.name, type: file.type, alt_text: "", subject: "other" });
    });
    input.value = "";
  }

  /* The note next to a photo's description; "" takes it away. */
  function mark(index, text) {
    var alt = document.getElementById("photo-alt-" + index);
    var problem = document.getElementById("photo-alt-" + index + "-error");
    if (!alt || !problem) { return; }
    problem.textContent = text;
    problem.hidden = !text;
    if (text) {
      alt.setAttribute("aria-invalid", "true");
      alt.setAttribute("aria-describedby", problem.id);
    } else {
      alt.removeAttribute("aria-invalid");
      alt.removeAttribute("aria-describedby");
    }
  }

  /* Photos without their description, marked at the field: [{path: "photo:<i>", text}]. */
  function check(record, texts) {
    var problems = [];
    record.photos.forEach(function (photo, index) {
      var missing = !(photo.alt_text || "").trim();
      mark(index, missing ? texts.alt_missing_here : "");
      if (missing) { problems.push({ path: "photo:" + index, text: texts.alt_missing.replace("%(n)s", index + 1) }); }
    });
    return problems;
  }

  window.SurveyPhotos = { render: render, add: add, check: check };
})();
