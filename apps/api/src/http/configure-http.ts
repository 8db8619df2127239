/**
 * Everything about the HTTP edge that is not a route: the /api prefix, compression, cookies,
 * request bodies, the error format, security headers, OpenAPI, and serving the built web client
 * with an SPA fallback.
 * Used by main.ts and by the tests, so both run the same stack.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AppConfig } from '../config/config.schema.js';
import { ApiExceptionFilter } from '../common/api-exception.filter.js';
import { CollabIoAdapter } from '../modules/collab/collab-io.adapter.js';
import { InstanceSettingsService } from '../modules/instance/instance-settings.service.js';
import { APP_VERSION } from '../version.js';
import { RequestBodyInterceptor } from './request-body.js';
import { securityHeaders } from './security-headers.js';

/** Responses smaller than this are sent as they are (compressing them saves nothing). */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.setGlobalPrefix('api');
  if (config.TRUST_PROXY) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  // gzip or Brotli, as the client accepts, for responses over 1 kB: a 2,000,000-character
  // document is about 2.9 MB of JSON and a tenth of that compressed.
  app.use(compression({ threshold: COMPRESSION_THRESHOLD_BYTES }));
  app.use(cookieParser());
  const instanceSettings = app.get(InstanceSettingsService);
  app.use(securityHeaders(() => instanceSettings.peek()));
  app.useGlobalFilters(new ApiExceptionFilter());
  // Bodies are read after the guards (NEST_APP_OPTIONS turns Nest's early parsers off).
  app.useGlobalInterceptors(new RequestBodyInterceptor(app.get(Reflector)));
  app.enableShutdownHooks();
  app.useWebSocketAdapter(new CollabIoAdapter(app, config));
  setUpOpenApi(app);
  const webDist = resolveWebDist(config);
  if (webDist) serveWebClient(app, webDist);
}

function setUpOpenApi(app: NestExpressApplication): void {
  const documentConfig = new DocumentBuilder()
    .setTitle('Marginalia API')
    .setDescription('Corpus, workspaces and collaboration. Authenticate with the session cookie (plus the x-csrf-token header on writes) or a personal access token as Bearer.')
    .setVersion(APP_VERSION)
    .addBearerAuth()
    .addCookieAuth('marginalia_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, documentConfig), { jsonDocumentUrl: 'api/docs-json' });
}

/** The built client: WEB_DIST_DIR, or apps/web/dist next to this app when it has been built. */
function resolveWebDist(config: AppConfig): string | null {
  const candidate = config.WEB_DIST_DIR ?? path.resolve(import.meta.dirname, '../../../web/dist');
  return existsSync(path.join(candidate, 'index.html')) ? candidate : null;
}

function serveWebClient(app: NestExpressApplication, webDist: string): void {
  app.use(express.static(webDist, { index: false, maxAge: '1h', setHeaders: cacheHashedAssets }));
  const indexHtml = path.join(webDist, 'index.html');
  // Client-side routes (/w/..., /invites/...) all load the SPA; /api and sockets never do.
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPageRequest = (request.method === 'GET' || request.method === 'HEAD') && !request.path.startsWith('/api') && !request.path.startsWith('/socket.io');
    if (!isPageRequest) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml);
  });
}

function cacheHashedAssets(response: Response, filePath: string): void {
  if (filePath.includes(`${path.sep}assets${path.sep}`)) response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
