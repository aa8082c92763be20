// ESLint (flat config) for our own browser scripts: `node_modules/.bin/eslint` from the
// repository's root (scripts/test installs it from package-lock.json when it is missing).
// The recommended rules catch bugs (undefined names, unreachable code, duplicate keys, ...);
// formatting is left alone. Vendored libraries (static/vendor) are not ours to lint.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["static/vendor/**", "staticfiles/**", "tools/**", ".venv/**"],
  },
  js.configs.recommended,
  {
    rules: {
      // `catch (e) { /* private mode */ }` deliberately ignores the error.
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      // Beyond the recommended set, a few more that find bugs rather than style.
      "array-callback-return": "error",
      "no-promise-executor-return": "error",
      "no-self-compare": "error",
      "no-template-curly-in-string": "error",
      "no-unmodified-loop-condition": "error",
      "no-unused-expressions": "error",
    },
  },
  {
    // One classic script per page, each an IIFE; they share a few objects through `window`.
    files: ["static/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {
        ...globals.browser,
        L: "readonly", // Leaflet, loaded before the page's script
        Bf: "readonly", // static/js/helpers.js
        BfMap: "readonly", // static/js/map.js
      },
    },
    // Page scripts share one global scope: a top-level `var` of one would overwrite another's.
    rules: { "no-implicit-globals": "error" },
  },
  {
    // The survey app's scripts, loaded in order by templates/survey/app.html and mine.html,
    // each publishing one object on `window` for the next.
    files: ["static/js/survey/*.js"],
    languageOptions: {
      globals: {
        SurveyDB: "readonly",
        SurveyExif: "readonly",
        SurveyFeedback: "readonly",
        SurveyForm: "readonly",
        SurveyKnown: "readonly",
        SurveyPhotos: "readonly",
        SurveyQueue: "readonly",
        SurveyRules: "readonly",
        SurveySync: "readonly",
      },
    },
  },
  {
    // The survey's service worker: the view prepends SHELL and VERSION.
    files: ["mapping/survey/service_worker.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.serviceworker, SHELL: "readonly", VERSION: "readonly" },
    },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
];
