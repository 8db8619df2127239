/**
 * Headers on every response that tell the browser what the app may do, so that anything that
 * slips past the server's and the client's checks still cannot run script, load remote
 * content, be framed (clickjacking) or use the camera. The built client has no inline script
 * (Vite emits module files), so script-src 'self' costs nothing. CodeMirror injects its
 * styles at run time, hence style-src 'unsafe-inline'; Markdown from users never carries a
 * style (the client's sanitizer drops them), so that is not a way in.
 */
import type { NextFunction, Request, Response } from 'express';
import type { InstanceSettingValues } from '@marginalia/shared';

const HSTS = 'max-age=31536000; includeSubDomains';
// Only features Chromium knows: an unknown one (bluetooth) is logged as an error on every page load.
const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=(), browsing-topics=()';

export function contentSecurityPolicy(settings: Pick<InstanceSettingValues, 'markdownRemoteImages'>): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${settings.markdownRemoteImages ? ' https:' : ''}`,
    "font-src 'self'",
    // 'self' covers same-origin websockets (ws:/wss:) in current browsers.
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** `settings`: the instance settings in force (read without waiting: the CSP follows a change within seconds). */
export function securityHeaders(settings: () => Pick<InstanceSettingValues, 'markdownRemoteImages'>) {
  const policies = new Map<boolean, string>();
  return (request: Request, response: Response, next: NextFunction): void => {
    const remoteImages = settings().markdownRemoteImages;
    let csp = policies.get(remoteImages);
    if (!csp) policies.set(remoteImages, (csp = contentSecurityPolicy({ markdownRemoteImages: remoteImages })));
    response.setHeader('Content-Security-Policy', csp);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Frame-Options', 'DENY');
    response.setHeader('Referrer-Policy', 'same-origin');
    response.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    // Only over https (request.secure honours X-Forwarded-Proto with TRUST_PROXY): over plain
    // http browsers ignore it, and sending it from a dev server would pin localhost to https.
    if (request.secure) response.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
}
