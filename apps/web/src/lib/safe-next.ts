/**
 * `?next=` comes from the address bar, so only same-site paths are followed: an absolute or
 * protocol-relative URL there would turn the login page into an open redirect.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/workspaces'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

export function withNext(path: string, next: string): string {
  return `${path}?next=${encodeURIComponent(next)}`;
}
