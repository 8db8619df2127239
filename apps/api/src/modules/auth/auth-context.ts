import type { Request } from 'express';
import type { User } from './user.entity.js';

/** Who is calling, and how they proved it. Attached to the request by the AuthGuard. */
export interface AuthContext {
  user: User;
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  tokenId?: string;
}

export interface AuthenticatedRequest extends Request {
  auth: AuthContext;
}

export function clientIp(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
