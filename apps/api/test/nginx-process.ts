/**
 * nginx as a child process of a test, in front of API processes, with a configuration derived
 * from the repository's infra/nginx/marginalia.conf: same upstreams, maps and locations, but
 * the nodes' real addresses, plain HTTP on a free port of 127.0.0.1 and every file in a
 * temporary folder. No system service is touched. Each rewrite must match, so a change to the
 * shipped file that this derivation no longer understands fails the test instead of testing
 * something else.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const SHIPPED_CONFIG = path.join(import.meta.dirname, '../../../infra/nginx/marginalia.conf');
const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];

export function findNginx(): string | null {
  return NGINX_CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

export interface NginxProcess {
  /** http://127.0.0.1:<port>, the address browsers and clients use. */
  baseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function rewrite(config: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(config)) throw new Error(`infra/nginx/marginalia.conf: cannot find ${what} to rewrite for the test`);
  return config.replace(pattern, replacement);
}

/** The shipped configuration for these nodes on this port; `adjust` may change it further. */
export async function derivedConfig(nodes: string[], port: number, adjust: (config: string) => string = (config) => config): Promise<string> {
  let config = await readFile(SHIPPED_CONFIG, 'utf8');
  const servers = nodes.map((node) => `    server ${new URL(node).host} max_fails=3 fail_timeout=10s;`).join('\n');
  config = rewrite(config, /( {4}server 127\.0\.0\.1:300\d [^\n]*\n)+/g, `${servers}\n`, 'the upstream servers');
  config = rewrite(config, /listen 443 ssl http2;/, `listen 127.0.0.1:${port};`, 'the TLS listen directive');
  config = rewrite(config, /\n\s*ssl_certificate(_key)?\s[^\n]*/g, '', 'the certificate lines');
  config = rewrite(config, /\nserver \{\n {4}listen 80;[\s\S]*?\n\}\n/, '\n', 'the HTTP-to-HTTPS redirect');
  return adjust(config);
}

/** Starts nginx in the foreground (no master/worker split, so no user switch) on a free port. */
export async function startNginx(nodes: string[], adjust?: (config: string) => string): Promise<NginxProcess> {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed (apt-get install -y nginx)');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-nginx-'));
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `    ${name}_temp_path ${dir}/${name};`).join('\n');
  const main = `pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
${temp}
${await derivedConfig(nodes, port, adjust)}
}
`;
  const configFile = path.join(dir, 'nginx.conf');
  await writeFile(configFile, main);
  const check = spawnSync(nginx, ['-t', '-p', dir, '-c', configFile, '-g', 'daemon off; master_process off;'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx rejected the derived configuration:\n${check.stderr}\n${main}`);
  const child: ChildProcess = spawn(nginx, ['-p', dir, '-c', configFile, '-g', 'daemon off; master_process off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilListening(port, exited, () => stderr);
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilListening(port: number, exited: Promise<void>, stderr: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`nginx exited: ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${port}: ${stderr()}`);
}
