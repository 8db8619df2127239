/**
 * The one way the client talks to the REST API: JSON in and out, the session travelling in
 * its httpOnly cookie, the CSRF token echoed on every mutating request, and every failure
 * turned into an ApiRequestError so screens can show `message` and per-field `issues`.
 */
import { API_PREFIX, CSRF_COOKIE, CSRF_HEADER, type ApiError } from '@marginalia/shared';
import { forgetEarlyResponses, takeEarlyResponse } from './early-requests';

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type FieldIssue = NonNullable<ApiError['issues']>[number];

export class ApiRequestError extends Error {
  readonly status: number;
  readonly path: string;
  readonly issues: FieldIssue[];

  constructor(status: number, path: string, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.path = path;
    this.issues = issues;
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

/**
 * Register and login also return the token in the body; it is kept as a fallback for
 * browsers that hide the cookie from scripts (the cookie wins: another tab may log in again).
 */
let lastKnownCsrfToken: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  lastKnownCsrfToken = token;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [rawKey, ...rest] = part.trim().split('=');
    if (rawKey === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? lastKnownCsrfToken;
}

const NETWORK_ERROR_MESSAGE = 'Could not reach the Marginalia server. Check your connection and try again.';

async function toApiRequestError(response: Response, path: string): Promise<ApiRequestError> {
  let body: Partial<ApiError> | null = null;
  try {
    body = (await response.json()) as Partial<ApiError>;
  } catch {
    // A proxy or crashed server may answer with HTML; fall back to the status text below.
  }
  const message =
    typeof body?.message === 'string' && body.message !== '' ? body.message : `${String(response.status)} ${response.statusText || 'request failed'}`;
  return new ApiRequestError(response.status, path, message, Array.isArray(body?.issues) ? body.issues : []);
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

/** `path` is relative to /api, e.g. `/workspaces`. Resolves to undefined for 204 answers. */
export async function apiRequest<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const url = new URL(`/${API_PREFIX}${path}`, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const headers = new Headers({ Accept: 'application/json' });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers.set(CSRF_HEADER, token);
  }

  if (method !== 'GET') forgetEarlyResponses();
  let response: Response | undefined;
  try {
    const early = method === 'GET' ? takeEarlyResponse(`${url.pathname.slice(API_PREFIX.length + 1)}${url.search}`) : undefined;
    // Only a successful early answer is used: a failure (a lost connection, a 401 before a
    // sign-in in this tab) is asked again, so that the screen reports what holds now.
    if (early) response = await early.then((answer) => (answer.ok ? answer : undefined)).catch(() => undefined);
    response ??= await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, path, NETWORK_ERROR_MESSAGE);
  }

  if (!response.ok) throw await toApiRequestError(response, path);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export interface UploadOptions {
  /** Called with the fraction (0..1) of the request body sent so far. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Multipart upload. XMLHttpRequest rather than fetch because only it reports upload progress,
 * which matters for batches of up to 100 MB; CSRF and errors are handled as in apiRequest.
 */
export function uploadForm<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  forgetEarlyResponses();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', new URL(`/${API_PREFIX}${path}`, window.location.origin));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => {
      reject(new ApiRequestError(0, path, NETWORK_ERROR_MESSAGE));
    };
    xhr.onabort = () => {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    };
    xhr.onload = () => {
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText });
      if (!response.ok) {
        void toApiRequestError(response, path).then(reject);
        return;
      }
      resolve((xhr.responseText === '' ? undefined : JSON.parse(xhr.responseText)) as T);
    };
    options.signal?.addEventListener('abort', () => {
      xhr.abort();
    });
    xhr.send(form);
  });
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => apiRequest<T>('DELETE', path),
};

/**
 * API messages are lower-case clauses ("invite not found"); on their own they read as sentences.
 * One that starts with something typed (an e-mail address, a name) keeps it as it was typed.
 */
export function asSentence(message: string): string {
  const trimmed = message.trim();
  const startsWithWord = /^[a-z]+(?=[\s,;:.!?]|$)/.test(trimmed);
  const capitalised = startsWithWord ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1) : trimmed;
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** The message to show a person for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return asSentence(error.message);
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Please try again.';
}
