// Golden files (`*.golden`, an extension Prettier leaves alone): `UPDATE_GOLDEN=1 npx jest libs/render`
// rewrites them; otherwise they must exist and match byte for byte.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const GOLDEN_DIR = join(__dirname, 'golden');

/** The stored golden text of `file`, after writing `actual` there when updating. */
export function golden(file: string, actual: string): string {
  const path = join(GOLDEN_DIR, file);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  if (!existsSync(path))
    throw new Error(`golden file ${file} is missing; run with UPDATE_GOLDEN=1 and review it`);
  return readFileSync(path, 'utf8');
}
