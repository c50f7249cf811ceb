#!/usr/bin/env node
// The npm registry this project installs from serves no builds of some packages for other
// platforms (e.g. @swc/core-darwin-arm64), so `npm install` leaves them out of
// package-lock.json, and `npm ci` then refuses the lock as out of sync. This adds an entry,
// marked optional, for every optional dependency the lock lacks; npm ci skips those it cannot
// install. Run it after changing dependencies: `npm run lockfile:complete`.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const path = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    packages[hoisted] = { version, optional: true };
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added
    ? `package-lock.json: added ${added} optional platform entr${added === 1 ? 'y' : 'ies'}`
    : 'package-lock.json: complete',
);
