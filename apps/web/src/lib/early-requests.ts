/**
 * Answers to the requests that public/early-requests.js starts before the app's code has
 * loaded (the session, the workspace, the open document or map): the API client takes each one
 * once, instead of asking again.
 */

/** An early answer older than this is not used: the screen asks again, for fresh data. */
const EARLY_REQUEST_TTL_MS = 10_000;

interface EarlyRequest {
  startedAt: number;
  response: Promise<Response>;
}

declare global {
  interface Window {
    __marginaliaEarlyRequests?: Map<string, EarlyRequest>;
  }
}

/**
 * Any write may change what the early answers say (a sign-in above all: the answers of a
 * signed-out load are 401s), so the first write drops those not yet taken.
 */
export function forgetEarlyResponses(): void {
  window.__marginaliaEarlyRequests?.clear();
}

/** The early answer for a GET of `pathAndQuery` (relative to /api), at most once and only while fresh. */
export function takeEarlyResponse(pathAndQuery: string): Promise<Response> | undefined {
  const started = window.__marginaliaEarlyRequests;
  const early = started?.get(pathAndQuery);
  if (!early) return undefined;
  started?.delete(pathAndQuery);
  return performance.now() - early.startedAt <= EARLY_REQUEST_TTL_MS ? early.response : undefined;
}
