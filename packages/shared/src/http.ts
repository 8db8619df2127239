/** Names that both sides of the HTTP API must agree on. */
export const SESSION_COOKIE = 'marginalia_session';
/** Readable by scripts in the page (not httpOnly): the client echoes it in CSRF_HEADER. */
export const CSRF_COOKIE = 'marginalia_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const API_PREFIX = 'api';
export const PERSONAL_TOKEN_PREFIX = 'mrg_';
