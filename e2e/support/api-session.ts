/**
 * Seeding through the HTTP API, as a browser tab would (session cookie, CSRF header on
 * writes), then handing the same session to a browser context. For data too large to enter
 * through the UI in a test (a 2,000,000-character document).
 */
import type { BrowserContext } from 'playwright-core';

const SESSION_COOKIE = 'marginalia_session';
const CSRF_COOKIE = 'marginalia_csrf';
const CSRF_HEADER = 'x-csrf-token';
const IMPORT_TIMEOUT_MS = 120_000;

export class ApiSession {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (csrf && method !== 'GET') headers[CSRF_HEADER] = csrf;
    const response = await fetch(`${this.baseUrl}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator > 0) this.cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${String(response.status)}: ${text.slice(0, 500)}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  async register(email: string, displayName: string, password: string): Promise<void> {
    await this.request('POST', '/auth/register', { email, password, displayName });
  }

  async createWorkspace(name: string): Promise<string> {
    const workspace = await this.request<{ id: string }>('POST', '/workspaces', { name });
    return workspace.id;
  }

  /** Pastes `text` as one document and waits for the import to finish; returns its id. */
  async pasteDocument(workspaceId: string, title: string, text: string): Promise<string> {
    let job = await this.request<ImportJobView>('POST', `/workspaces/${workspaceId}/imports`, { title, text });
    const deadline = Date.now() + IMPORT_TIMEOUT_MS;
    while (job.status === 'queued' || job.status === 'running') {
      if (Date.now() > deadline) throw new Error(`the import of "${title}" did not finish within ${String(IMPORT_TIMEOUT_MS / 1000)} s`);
      // Polling an import job that the server runs in the background: nothing to await instead.
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = await this.request<ImportJobView>('GET', `/workspaces/${workspaceId}/imports/${job.id}`);
    }
    const documentId = job.files[0]?.documentId;
    if (job.status !== 'succeeded' || !documentId) throw new Error(`the import of "${title}" ended ${job.status}: ${JSON.stringify(job.files[0] ?? job.error)}`);
    return documentId;
  }

  /** Logs `context` in as this session's user. */
  async shareWith(context: BrowserContext): Promise<void> {
    const url = new URL(this.baseUrl);
    await context.addCookies(
      [...this.cookies]
        .filter(([name]) => name === SESSION_COOKIE || name === CSRF_COOKIE)
        .map(([name, value]) => ({ name, value, domain: url.hostname, path: '/', httpOnly: name === SESSION_COOKIE, sameSite: 'Lax' as const })),
    );
  }
}

interface ImportJobView {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  error: string | null;
  files: Array<{ documentId: string | null; message: string | null }>;
}
