/** The import fixtures (apps/api/test/fixtures/imports), for the extractors' unit tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../../../test/fixtures/imports');

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES_DIR, name));
}
