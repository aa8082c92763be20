/* The few helpers every page script shares (window.Bf), written once:
   - el: a DOM node with attributes and text; text is always text (textContent), never markup;
   - format: fills the "%(name)s" places of a text translated by Django;
   - csrfToken: Django's CSRF token from its cookie, for a POST sent by a script;
   - locate: the visitor's position, asked of the browser, with what the page says meanwhile and
     when the browser cannot tell in the page's language (texts: mapping/geolocation.py). */
window.Bf = (function () {
  "use strict";

  /* An attribute set to true is present without a value; false, null or undefined leave it out. */
  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === true) { node.setAttribute(name, ""); }
      else if (value !== false && value !== null && value !== undefined) {
        node.setAttribute(name, value);
      }
    });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_match, key) {
      return String(values[key]);
    });
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  /* say(text, failed) is called with "locating…", then with the reason when there is no
     position; found(position) with the browser's GeolocationPosition. */
  function locate(texts, say, found, options) {
    if (!navigator.geolocation) { say(texts.unsupported, true); return; }
    say(texts.locating, false);
    navigator.geolocation.getCurrentPosition(found, function (error) {
      // The browser's own message is English and written for developers: by its code instead.
      say(texts.errors[error && error.code] || texts.errors[2], true);
    }, options || { enableHighAccuracy: true, timeout: 15000 });
  }

  return { el: el, format: format, csrfToken: csrfToken, locate: locate };
})();
