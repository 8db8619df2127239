/**
 * What a person sees after `npm start` in a terminal: readable log lines (not JSON), no line per
 * mapped route at the default level, and the URL with the demo accounts as the last thing
 * printed. JSON stays for pipes, files and LOG_FORMAT=json. The terminal is a real pseudo-TTY
 * (util-linux `script`), as an interactive shell gives the server.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const MAIN = path.join(import.meta.dirname, '../dist/main.js');
const SCRIPT = '/usr/bin/script';
if (!existsSync(SCRIPT)) console.warn('terminal-logs.int-spec.ts SKIPPED: util-linux `script` (to give the server a terminal) is not installed.');
const describeWithTty = existsSync(SCRIPT) ? describe : describe.skip;

let database: TestDatabase;

/** Runs the server in a pseudo-terminal until the welcome's last line; returns what the terminal showed. */
async function terminalOutputUntilWelcome(env: Record<string, string>): Promise<string> {
  const serverEnv = { PATH: process.env.PATH ?? '', TERM: 'dumb', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: database.url, SEED_DEMO: 'true', WEB_DIST_DIR: '/nonexistent', ...env };
  const child = spawn(SCRIPT, ['-qfec', `${process.execPath} ${MAIN}`, '/dev/null'], { env: serverEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no welcome within 60 s:\n${output}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // The welcome ends with the admin note: the one-time setup link (no admin yet) or ADMIN_EMAIL.
        const url = /Marginalia is running at (http:\/\/\S+)/.exec(output)?.[1];
        if (url && /\/setup\/\S+\s*\n|is instance admin once registered/.test(output)) {
          clearTimeout(timer);
          // A request answered proves start-up is over: whatever it was going to print is printed.
          void fetch(`${url}/api/health`).then(() => resolve(output), reject);
        }
      });
      child.once('exit', (code) => reject(new Error(`the server exited (${code}) before its welcome:\n${output}`)));
    });
  } finally {
    child.kill('SIGTERM');
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

describeWithTty('start-up output in a terminal', () => {
  it('is readable lines, without route mapping, and ends with the URL and the demo accounts', async () => {
    const output = (await terminalOutputUntilWelcome({})).replaceAll('\r', '');
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    expect(lines.filter((line) => line.trimStart().startsWith('{"level"'))).toEqual([]);
    expect(output).not.toMatch(/Mapped \{/);
    const welcome = lines.findIndex((line) => line.startsWith('Marginalia is running at http://'));
    expect(welcome).toBeGreaterThanOrEqual(0);
    // Nothing after the welcome: the URL and the accounts are the last lines on the screen.
    expect(lines.slice(welcome).every((line) => /^(Marginalia is running at|\s{2})/.test(line))).toBe(true);
    expect(lines.slice(welcome).join('\n')).toContain('mei@demo.marginalia.test');
  }, 90_000);

  it('stays JSON with LOG_FORMAT=json', async () => {
    const output = (await terminalOutputUntilWelcome({ LOG_FORMAT: 'json', LOG_LEVEL: 'debug' })).replaceAll('\r', '');
    // Complete lines only: the health request's own debug line may be arriving as we stop reading.
    const logLines = output.slice(0, output.lastIndexOf('\n')).split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    // Route mapping is still there for whoever asks for debug.
    expect(logLines.filter((line) => line.includes('"context":"RouterExplorer"')).length).toBeGreaterThan(0);
  }, 90_000);
});
