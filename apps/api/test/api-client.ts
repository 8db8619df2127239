/**
 * A tiny HTTP client for tests that behaves like a browser tab: it keeps the session cookie
 * and echoes the CSRF token on writes. Or, with a personal access token, like a script.
 */
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, type AuthResult } from '@marginalia/shared';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Skip the CSRF header, to test the check. */
  withoutCsrf?: boolean;
}

let emailCounter = 0;
export function uniqueEmail(label = 'user'): string {
  emailCounter += 1;
  return `${label}-${process.pid}-${emailCounter}@example.test`;
}

export const TEST_PASSWORD = 'correct horse battery';

export class ApiClient {
  private readonly cookies = new Map<string, string>();
  bearer?: string;
  /** X-Forwarded-For to send (tests that need several client IPs run with TRUST_PROXY). */
  forwardedFor?: string;

  constructor(private readonly baseUrl: string) {}

  get sessionCookie(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  get csrfToken(): string | undefined {
    return this.cookies.get(CSRF_COOKIE);
  }

  async request<T = any>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const csrf = this.csrfToken;
    if (csrf && !options.withoutCsrf && method !== 'GET') headers[CSRF_HEADER] = csrf;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.forwardedFor) headers['x-forwarded-for'] = this.forwardedFor;
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    this.storeCookies(response.headers.getSetCookie());
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body, options);
  }
  patch<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('PATCH', path, body, options);
  }
  delete<T = any>(path: string, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('DELETE', path, undefined, options);
  }

  private storeCookies(setCookies: string[]): void {
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = decodeURIComponent(pair.slice(separator + 1).trim());
      const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export interface TestUser {
  client: ApiClient;
  id: string;
  email: string;
  displayName: string;
}

/** Registers a new account and returns a client signed in as it. */
export async function registerUser(baseUrl: string, label = 'user', email = uniqueEmail(label)): Promise<TestUser> {
  const client = new ApiClient(baseUrl);
  const displayName = `${label[0]?.toUpperCase() ?? ''}${label.slice(1)} Tester`;
  const response = await client.post<AuthResult>('/auth/register', { email, password: TEST_PASSWORD, displayName });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { client, id: response.body.user.id, email, displayName };
}
