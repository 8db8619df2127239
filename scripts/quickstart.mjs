#!/usr/bin/env node
// The README's two commands, for a machine with only Node 20.19+:
//   npm start  -> install, build, migrate, seed, serve web + API on one port
//   npm test   -> install, build, type-check, lint, API tests, browser tests
// pnpm itself comes from npm (npx), so nothing needs installing beforehand.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const PNPM_VERSION = '10.34.8';
const root = path.resolve(import.meta.dirname, '..');
const command = process.argv[2];

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Marginalia needs Node 20.19 or newer; this is ${process.version}.`);
  process.exit(1);
}

function pnpm(...args) {
  const result = spawnSync('npx', ['--yes', `pnpm@${PNPM_VERSION}`, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function install() {
  // A frozen lockfile in CI; locally too, so everyone runs what was tested.
  pnpm('install', '--frozen-lockfile', '--prefer-offline');
}

/** Runs the built server in the foreground; Ctrl-C reaches it and it stops Postgres cleanly. */
function serve() {
  // The embedded Postgres keeps its data in the repository's .data/ unless told otherwise.
  const env = { NODE_ENV: 'production', ...process.env, DATA_DIR: process.env.DATA_DIR ?? path.join(root, '.data') };
  const server = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'apps/api/dist/main.js')], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

switch (command) {
  case 'start': {
    install();
    pnpm('run', 'build');
    console.log('\nStarting Marginalia (migrations and demo seed run on start-up)...');
    serve();
    break;
  }
  case 'test': {
    install();
    if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
      console.warn('Chromium not found at /usr/bin/chromium (set CHROMIUM_PATH, or: apt-get install -y chromium); browser tests will fail.');
    }
    pnpm('run', 'test:all');
    break;
  }
  default:
    console.error('usage: node scripts/quickstart.mjs start|test');
    process.exit(1);
}
