// Just enough of a browser for the benchmark: keeps the session cookie, echoes the CSRF token
// on writes, uploads files as multipart.
import { CSRF_COOKIE, CSRF_HEADER } from '@marginalia/shared';

export class BenchClient {
  cookies = new Map();

  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  async request(method, path, { json, form } = {}) {
    const headers = {};
    if (json !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (method !== 'GET' && this.cookies.has(CSRF_COOKIE)) headers[CSRF_HEADER] = this.cookies.get(CSRF_COOKIE);
    const response = await fetch(`${this.baseUrl}/api${path}`, { method, headers, body: form ?? (json === undefined ? undefined : JSON.stringify(json)) });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const separator = pair.indexOf('=');
      this.cookies.set(pair.slice(0, separator).trim(), decodeURIComponent(pair.slice(separator + 1).trim()));
    }
    const text = await response.text();
    let body = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  }

  async expect(status, method, path, options) {
    const response = await this.request(method, path, options);
    if (response.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    return response.body;
  }

  /** Files as multipart, all under the field name `files`. */
  upload(path, files) {
    const form = new FormData();
    for (const file of files) form.append('files', new Blob([file.text], { type: 'text/plain' }), file.name);
    return this.request('POST', path, { form });
  }
}
