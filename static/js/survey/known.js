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

  window.SurveyKnown = { houseNumber: houseNumber, addressAnswers: addressAnswers };
})();
