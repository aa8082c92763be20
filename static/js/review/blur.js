/* The blur tool of a photo's review page. The coordinator draws rectangles on the photo (not
   blurred) and moves or resizes them with the mouse, a finger or a pen (pointer events), or
   with the keyboard on a focused area: arrows move it, Shift and arrows resize it, Delete
   removes it, and a button adds one. The areas of the public copies (those the privacy check
   found among them) are drawn from the start. "Preview" asks the server for the display copy
   with these areas blurred, made by the same code as the public copies, without storing it.

   Every change is written into the form's textarea ("x y width height", one a line), which
   stays the one thing the form sends, the way to type the areas exactly, and the whole tool
   without this script. Coordinates are pixels of the upright original, as on the server. */
(function () {
  "use strict";

  var configNode = document.getElementById("blur-config");
  var editor = document.getElementById("blur-editor");
  if (!configNode || !editor) { return; }
  var config = JSON.parse(configNode.textContent);
  var texts = JSON.parse(document.getElementById("blur-texts").textContent);
  var surface = document.getElementById("blur-surface");
  var textarea = document.getElementById("areas");
  var status = document.getElementById("blur-status");
  var addButton = document.getElementById("blur-add");
  var previewButton = document.getElementById("blur-preview");
  var previewFigure = document.getElementById("blur-preview-figure");
  var previewImage = document.getElementById("blur-preview-image");

  var WIDTH = config.width;
  var HEIGHT = config.height;
  var MAX_AREAS = 50; // mapping/review/photo_views.py MAX_AREAS
  var LONG_SIDE = Math.max(WIDTH, HEIGHT);
  var STEP = Math.max(1, Math.round(LONG_SIDE / 100)); // one key press: 1 % of the photo
  var MIN_SIDE = Math.max(2, Math.round(LONG_SIDE / 200)); // a smaller drag is a stray click

  var foundKeys = {};
  config.found.forEach(function (area) { foundKeys[area.join(" ")] = true; });

  var areas = []; // {x, y, width, height, found, node}

  function key(area) { return [area.x, area.y, area.width, area.height].join(" "); }

  function clamp(value, low, high) { return Math.min(Math.max(value, low), high); }

  /* Keeps an area whole and inside the photo: a resize stops at the edge, a move slides along it. */
  function fit(area) {
    area.width = clamp(Math.round(area.width), 1, WIDTH);
    area.height = clamp(Math.round(area.height), 1, HEIGHT);
    area.x = clamp(Math.round(area.x), 0, WIDTH - area.width);
    area.y = clamp(Math.round(area.y), 0, HEIGHT - area.height);
  }

  function describe(area) {
    return Bf.format(area.found ? texts.foundArea : texts.area, {
      n: areas.indexOf(area) + 1, x: area.x, y: area.y, width: area.width, height: area.height,
    });
  }

  function place(area) {
    var style = area.node.style;
    style.left = (100 * area.x / WIDTH) + "%";
    style.top = (100 * area.y / HEIGHT) + "%";
    style.width = (100 * area.width / WIDTH) + "%";
    style.height = (100 * area.height / HEIGHT) + "%";
    area.node.setAttribute("aria-label", describe(area));
  }

  function write() {
    textarea.value = areas.map(key).join("\n");
  }

  var pending = null;
  function say(text) {
    window.clearTimeout(pending);
    status.textContent = text;
  }
  /* Arrow keys repeat: say where the area ended up once the keys rest. */
  function saySoon(text) {
    window.clearTimeout(pending);
    pending = window.setTimeout(function () { status.textContent = text; }, 500);
  }

  function count() { return Bf.format(texts.count, { count: areas.length }); }

  function add(x, y, width, height) {
    if (areas.length >= MAX_AREAS) { return null; }
    var area = { x: x, y: y, width: width, height: height };
    fit(area);
    area.found = Boolean(foundKeys[key(area)]);
    area.node = Bf.el("button", {
      type: "button", "class": "blur-area", "aria-describedby": "blur-help",
    });
    area.node.appendChild(Bf.el("span", { "class": "blur-handle", "aria-hidden": "true" }));
    area.node.addEventListener("keydown", function (event) { onKey(event, area); });
    areas.push(area);
    surface.appendChild(area.node);
    place(area);
    return area;
  }

  function remove(area) {
    var index = areas.indexOf(area);
    areas.splice(index, 1);
    area.node.remove();
    areas.forEach(place); // the numbers in the names follow
    write();
    var next = areas[index] || areas[index - 1];
    (next ? next.node : addButton).focus();
    say(Bf.format(texts.removed, { count: areas.length }));
  }

  function changed(area, now) {
    area.found = Boolean(foundKeys[key(area)]);
    place(area);
    write();
    (now ? say : saySoon)(describe(area));
  }

  var MOVES = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

  function onKey(event, area) {
    if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      remove(area);
      return;
    }
    var move = MOVES[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey) { return; }
    event.preventDefault();
    if (event.shiftKey) {
      area.width += move[0] * STEP;
      area.height += move[1] * STEP;
    } else {
      area.x += move[0] * STEP;
      area.y += move[1] * STEP;
    }
    fit(area);
    changed(area, false);
  }

  /* The photo's pixel under a pointer event, inside the photo. */
  function pointAt(event) {
    var box = surface.getBoundingClientRect();
    return {
      x: clamp(Math.round((event.clientX - box.left) * WIDTH / box.width), 0, WIDTH),
      y: clamp(Math.round((event.clientY - box.top) * HEIGHT / box.height), 0, HEIGHT),
    };
  }

  function areaOf(node) {
    for (var i = 0; i < areas.length; i += 1) {
      if (areas[i].node === node) { return areas[i]; }
    }
    return null;
  }

  var drag = null;

  surface.addEventListener("pointerdown", function (event) {
    if (event.pointerType === "mouse" && event.button !== 0) { return; }
    var node = event.target.closest(".blur-area");
    var area = node ? areaOf(node) : null;
    var start = pointAt(event);
    drag = {
      mode: !area ? "draw" : (event.target.classList.contains("blur-handle") ? "resize" : "move"),
      area: area,
      start: start,
      from: area ? { x: area.x, y: area.y, width: area.width, height: area.height } : null,
    };
    event.preventDefault(); // no text selection, no image drag, no scrolling by touch
    surface.setPointerCapture(event.pointerId);
    if (area) { area.node.focus(); }
  });

  surface.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    var at = pointAt(event);
    var dx = at.x - drag.start.x;
    var dy = at.y - drag.start.y;
    var area = drag.area;
    if (drag.mode === "move") {
      area.x = drag.from.x + dx;
      area.y = drag.from.y + dy;
    } else if (drag.mode === "resize") {
      area.width = drag.from.width + dx;
      area.height = drag.from.height + dy;
    } else {
      var box = {
        x: Math.min(at.x, drag.start.x), y: Math.min(at.y, drag.start.y),
        width: Math.abs(dx), height: Math.abs(dy),
      };
      if (!area) {
        if (box.width < 1 && box.height < 1) { return; }
        area = drag.area = add(box.x, box.y, Math.max(1, box.width), Math.max(1, box.height));
        if (!area) { drag = null; return; }
        area.node.classList.add("blur-area-drawing");
      }
      area.x = box.x;
      area.y = box.y;
      area.width = Math.max(1, box.width);
      area.height = Math.max(1, box.height);
    }
    fit(area);
    place(area);
  });

  function endDrag(event) {
    if (!drag) { return; }
    var ended = drag;
    drag = null;
    if (surface.hasPointerCapture(event.pointerId)) {
      surface.releasePointerCapture(event.pointerId);
    }
    var area = ended.area;
    if (!area) { return; } // a click on the photo without drawing
    if (ended.mode === "draw") {
      area.node.classList.remove("blur-area-drawing");
      if (event.type === "pointercancel" || area.width < MIN_SIDE || area.height < MIN_SIDE) {
        areas.splice(areas.indexOf(area), 1);
        area.node.remove();
        write();
        say(texts.tooSmall);
        return;
      }
      area.node.focus();
      changed(area, true);
      say(Bf.format(texts.added, { area: describe(area) }));
      return;
    }
    changed(area, true);
  }

  surface.addEventListener("pointerup", endDrag);
  surface.addEventListener("pointercancel", endDrag);

  addButton.addEventListener("click", function () {
    var width = Math.round(WIDTH / 5);
    var height = Math.round(HEIGHT / 5);
    var area = add(Math.round((WIDTH - width) / 2), Math.round((HEIGHT - height) / 2), width, height);
    if (!area) { return; }
    write();
    area.node.focus();
    say(Bf.format(texts.added, { area: describe(area) }));
  });

  /* Typed areas are drawn when they are all valid; otherwise the drawing stays as it was. */
  function parse(text) {
    var lines = text.split("\n").filter(function (line) { return line.trim() !== ""; });
    if (lines.length > MAX_AREAS) { return null; }
    var parsed = [];
    for (var i = 0; i < lines.length; i += 1) {
      var values = lines[i].replace(/,/g, " ").trim().split(/\s+/).map(Number);
      if (values.length !== 4 || values.some(function (v) { return !isFinite(v); })) {
        return null;
      }
      var x = Math.trunc(values[0]), y = Math.trunc(values[1]);
      var w = Math.trunc(values[2]), h = Math.trunc(values[3]);
      if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > WIDTH || y + h > HEIGHT) { return null; }
      parsed.push([x, y, w, h]);
    }
    return parsed;
  }

  function drawAll(list) {
    areas.forEach(function (area) { area.node.remove(); });
    areas = [];
    list.forEach(function (a) { add(a[0], a[1], a[2], a[3]); });
  }

  textarea.addEventListener("change", function () {
    var parsed = parse(textarea.value);
    if (parsed === null) {
      say(texts.typedInvalid);
      return;
    }
    drawAll(parsed);
    say(count());
  });

  previewButton.addEventListener("click", function () {
    var list = areas.map(function (a) { return [a.x, a.y, a.width, a.height]; });
    say(texts.previewing);
    previewImage.onload = function () {
      previewFigure.hidden = false;
      say(Bf.format(texts.previewReady, { count: list.length }));
    };
    previewImage.onerror = function () { say(texts.previewFailed); };
    previewImage.src = config.previewUrl + "?areas=" + encodeURIComponent(JSON.stringify(list));
  });

  // After a refused save the page shows what was typed: start from that when it is valid.
  var typed = parse(textarea.value);
  drawAll(typed !== null ? typed : config.areas);
  editor.hidden = false;
})();
