/** Locations in the monorepo, found from the workspace root so src and dist agree. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${start}`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
export const API_MAIN = path.join(REPO_ROOT, 'apps/api/dist/main.js');
export const WEB_DIST = path.join(REPO_ROOT, 'apps/web/dist');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'e2e/artifacts');
