/* The phone's own store: drafts and queued submissions with their photos, in IndexedDB.
   One record per survey, keyed by its idempotency key (a UUID made when the survey starts). */
(function () {
  "use strict";

  var DB_NAME = "bezbarierova-mapa-pruzkum";
  var STORE = "surveys";
  var opening = null;

  function open() {
    if (opening) { return opening; }
    opening = new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        var store = request.result.createObjectStore(STORE, { keyPath: "key" });
        store.createIndex("status", "status");
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
    return opening;
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { resolve(result && "result" in result ? result.result : result); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  window.SurveyDB = {
    newKey: newKey,
    put: function (record) {
      record.updated = Date.now();
      return run("readwrite", function (store) { store.put(record); return null; });
    },
    get: function (key) {
      return run("readonly", function (store) { return store.get(key); });
    },
    all: function () {
      return run("readonly", function (store) { return store.getAll(); }).then(function (rows) {
        return (rows || []).sort(function (a, b) { return b.updated - a.updated; });
      });
    },
    remove: function (key) {
      return run("readwrite", function (store) { store.delete(key); return null; });
    },
  };
})();
