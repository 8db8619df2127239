#!/usr/bin/env node
// Development mode: tsc in watch mode, and the server restarted by node --watch whenever the
// compiled output changes. The web client runs separately on Vite's dev server (pnpm dev).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const apiDir = path.resolve(import.meta.dirname, '..');
const children = [];

function run(command, args) {
  const child = spawn(command, args, { cwd: apiDir, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code) => {
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exit(code ?? 0);
  });
  return child;
}

const tsc = path.join(apiDir, 'node_modules/.bin/tsc');
run(tsc, ['-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput']);
const waitForBuild = setInterval(() => {
  if (!existsSync(path.join(apiDir, 'dist/main.js'))) return;
  clearInterval(waitForBuild);
  run(process.execPath, ['--watch-path=dist', '--enable-source-maps', 'dist/main.js']);
}, 500);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}
