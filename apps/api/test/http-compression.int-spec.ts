/**
 * API responses are compressed as the client accepts (Brotli or gzip), and sent as they are to
 * a client that accepts neither. Raw HTTP, so the bytes on the wire are what is checked.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { SESSION_COOKIE } from '@marginalia/shared';
import { createTestApp, type TestApp } from './create-test-app.js';
import { createCastWorkspace, insertDocument, registerCast, type Cast } from './fixtures.js';

interface RawResponse {
  status: number;
  encoding: string | undefined;
  body: Buffer;
}

function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('response compression', () => {
  let app: TestApp;
  let cast: Cast;
  let url: string;
  let cookie: string;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await registerCast(app.baseUrl, 'gzip');
    const workspaceId = await createCastWorkspace(cast);
    const paragraph = 'The ministry published new guidance on counter-espionage for companies and universities. ';
    const documentId = await insertDocument(app.dataSource, workspaceId, 'Long report', Array.from({ length: 2_000 }, (_, index) => `${String(index)} ${paragraph.repeat(3)}`).join('\n'));
    url = `${app.baseUrl}/api/workspaces/${workspaceId}/documents/${documentId}`;
    cookie = `${SESSION_COOKIE}=${cast.viewer.client.sessionCookie ?? ''}`;
  });
  afterAll(async () => {
    await app.close();
  });

  it('sends a document as Brotli or gzip when accepted, and the same JSON uncompressed otherwise', async () => {
    const plain = await rawGet(url, { cookie, 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    const json = JSON.parse(plain.body.toString('utf8')) as { passages: unknown[] };
    expect(json.passages).toHaveLength(2_000);

    const brotli = await rawGet(url, { cookie, 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.encoding).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 5);

    const gzip = await rawGet(url, { cookie, 'accept-encoding': 'gzip' });
    expect(gzip.encoding).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
  });

  it('leaves small responses alone', async () => {
    const health = await rawGet(`${app.baseUrl}/api/health`, { 'accept-encoding': 'br, gzip' });
    expect(health.status).toBe(200);
    expect(health.body.length).toBeLessThan(1024);
    expect(health.encoding).toBeUndefined();
  });
});
