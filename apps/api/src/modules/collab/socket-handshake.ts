/**
 * socket.io middleware for /collab: runs on every connection attempt, including
 * reconnections (connection state recovery is off, so nothing resumes without it).
 * NestJS guards do not run at a websocket handshake, hence this. Refuses a browser Origin
 * other than the app's own (CORS does not protect websockets), then authenticates with
 * exactly the credentials REST accepts: the session cookie or a personal access token.
 * Credentials that could not be checked (the database failed) are answered "unavailable", not
 * "unauthorized": a client may take "unauthorized" as the end of its session, and retries the other.
 */
import { Logger } from '@nestjs/common';
import type { CollabClientToServerEvents, CollabServerToClientEvents, PresenceIdentity } from '@marginalia/shared';
import type { Socket } from 'socket.io';
import type { AuthContext } from '../auth/auth-context.js';
import type { Authenticator, Credentials } from '../auth/authenticator.service.js';

export interface CollabSocketData {
  userId: string;
  identity: PresenceIdentity;
  /** Re-checked periodically; the socket is dropped when they stop being valid. */
  credentials: Credentials;
  /** What presence needs, kept serialisable for fetchSockets() across nodes. */
  docs: { name: string; workspaceId: string }[];
  workspaces: string[];
  locations: Record<string, string>;
}

const logger = new Logger('Collab');

export type CollabSocket = Socket<CollabClientToServerEvents, CollabServerToClientEvents, Record<string, never>, CollabSocketData>;

/** Distinct, readable on white, and distinguishable from each other as cursor labels. */
const PALETTE = [
  '#d1495b', '#00798c', '#c77d00', '#3f8f5a', '#8d6a9f', '#2e4057', '#e07a5f', '#3d5a80',
  '#6a994e', '#c05299', '#7f5539', '#0077b6', '#9c6644', '#5e548e', '#bc4749', '#2a9d8f',
];

/** The same colour for a user on every node and every visit (FNV-1a of the id). */
export function colourFor(userId: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < userId.length; index++) hash = Math.imul(hash ^ userId.charCodeAt(index), 0x01000193) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

export function identityOf(auth: AuthContext): PresenceIdentity {
  return { id: auth.user.id, name: auth.user.displayName, color: colourFor(auth.user.id) };
}

export function credentialsOf(socket: Socket): Credentials {
  const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
  return {
    cookies: parseCookies(socket.handshake.headers.cookie),
    authorization: typeof token === 'string' && token.length > 0 ? `Bearer ${token}` : undefined,
  };
}

/** Browsers always send Origin; other clients (Node, native apps) use tokens and send none. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!origin) return true;
  if (allowed.has(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function handshakeMiddleware(authenticator: Authenticator, allowedOrigins: ReadonlySet<string>) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    if (!originAllowed(socket.handshake.headers.origin, socket.handshake.headers.host, allowedOrigins)) {
      next(new Error('forbidden_origin'));
      return;
    }
    const credentials = credentialsOf(socket);
    authenticator
      .authenticate(credentials)
      .then((auth) => {
        if (!auth) return next(new Error('unauthorized'));
        const data: CollabSocketData = { userId: auth.user.id, identity: identityOf(auth), credentials, docs: [], workspaces: [], locations: {} };
        socket.data = data;
        next();
      })
      .catch((error: unknown) => {
        logger.warn(`socket handshake refused as unavailable, credentials could not be checked: ${error instanceof Error ? error.message : String(error)}`);
        next(new Error('unavailable'));
      });
  };
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(separator + 1).trim());
    } catch {
      // a malformed cookie is simply absent
    }
  }
  return cookies;
}
