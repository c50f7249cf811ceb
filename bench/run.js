#!/usr/bin/env node
// `npm run bench [-- name…]`: runs the compiled benchmarks (dist/bench/<name>/*.bench.js) one
// after the other, printing their figures. With names, only those (e.g. `npm run bench -- render`).
const { spawnSync } = require('node:child_process');
const { readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', 'dist', 'bench');
if (!existsSync(root)) {
  console.error('dist/bench is missing: run npm run build first');
  process.exit(1);
}
const wanted = process.argv.slice(2);
const names = readdirSync(root).filter(
  (name) => name !== 'support' && (wanted.length === 0 || wanted.includes(name)),
);
let failed = 0;
for (const name of names) {
  for (const file of readdirSync(join(root, name)).filter((f) => f.endsWith('.bench.js'))) {
    console.log(`\n### ${name}/${file}`);
    const result = spawnSync(process.execPath, ['--expose-gc', join(root, name, file)], {
      stdio: 'inherit',
    });
    if (result.status !== 0) failed += 1;
  }
}
process.exit(failed ? 1 : 0);
