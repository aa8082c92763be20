// Validates A11yJSON documents with the official SimpleSchema definitions of the npm package
// @sozialhelden/a11yjson (pinned in package.json / package-lock.json).
//
//   node validate-a11yjson.mjs [--type PlaceInfo|Accessibility|Entrance|Toilet|...] FILE.json
//
// FILE holds one object, an array of objects, or a GeoJSON FeatureCollection. A Feature's "type"
// key is removed before validation because the PlaceInfo schema has no "type" key (GeoJSON
// readers need it, so our export writes it). Unlike the package's own fixture test we do not
// "clean" (auto-convert) values first: a string where a number belongs must fail here.
// Prints each failure, then "N passed, N failed"; exits 1 if anything failed, 2 on bad usage.
import { readFileSync } from 'node:fs';
import SimpleSchema from '@sozialhelden/simpl-schema';
import * as a11yjson from '@sozialhelden/a11yjson';

const args = process.argv.slice(2);
let type = 'PlaceInfo';
const typeAt = args.indexOf('--type');
if (typeAt !== -1) {
  type = args[typeAt + 1];
  args.splice(typeAt, 2);
}
if (args.length !== 1) {
  console.error('usage: node validate-a11yjson.mjs [--type TYPE] FILE.json');
  process.exit(2);
}
const getter = a11yjson[`get${type}SchemaDefinition`];
if (typeof getter !== 'function') {
  console.error(`unknown A11yJSON type ${type}`);
  process.exit(2);
}
const schema = new SimpleSchema(getter(), { humanizeAutoLabels: false });

const doc = JSON.parse(readFileSync(args[0], 'utf8'));
let items;
if (Array.isArray(doc)) items = doc;
else if (doc && doc.type === 'FeatureCollection') items = doc.features;
else items = [doc];

let passed = 0;
let failed = 0;
items.forEach((item, index) => {
  const value = structuredClone(item);
  if (value && value.type === 'Feature') delete value.type;
  const context = schema.newContext();
  context.validate(value);
  if (context.isValid()) {
    passed += 1;
  } else {
    failed += 1;
    for (const error of context.validationErrors()) {
      console.log(`item ${index}: ${error.name}: ${context.keyErrorMessage(error.name) || error.type}`);
    }
  }
});
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
