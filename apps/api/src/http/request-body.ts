/**
 * Request bodies are read after authentication and authorization, never before: a global
 * interceptor (interceptors run after every guard) parses JSON with the route's limit, so an
 * anonymous or unauthorized caller is answered 401/403/404 without the server reading, let
 * alone parsing, what they sent. Nest's own body parsers, which run before any guard, are
 * switched off (NEST_APP_OPTIONS).
 *
 * Bodies must be JSON (415 otherwise): HTML forms and no-cors fetches can only send
 * text/plain, urlencoded or multipart bodies, so refusing those keeps cross-site forms away
 * from every route. A route that documents multipart (imports) says so with @AcceptsBody.
 */
import { Injectable, SetMetadata, UnsupportedMediaTypeException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import express, { type Request, type Response } from 'express';
import type { Observable } from 'rxjs';

/** For NestFactory.create: no body parsing before the guards (see RequestBodyInterceptor). */
export const NEST_APP_OPTIONS = { bodyParser: false } as const;

/** JSON bodies larger than this are refused with 413 unless the route allows more. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

export const JSON_ONLY = 'send the request body as application/json';

interface BodyOptions {
  /** Largest JSON body in bytes (default JSON_BODY_LIMIT_BYTES). */
  jsonLimitBytes?: number;
  /** The route reads multipart/form-data itself (and refuses other types in its own words). */
  multipart?: boolean;
}

const BODY_OPTIONS = 'marginalia:bodyOptions';

/** On a handler that takes more than a small JSON body. */
export const AcceptsBody = (options: BodyOptions): MethodDecorator => SetMetadata(BODY_OPTIONS, options);

const parsers = new Map<number, ReturnType<typeof express.json>>();
function jsonParser(limit: number): ReturnType<typeof express.json> {
  let parser = parsers.get(limit);
  if (!parser) {
    parser = express.json({ limit });
    parsers.set(limit, parser);
  }
  return parser;
}

/** A body is coming: bytes announced, or chunked. An empty POST (Content-Length: 0) has none. */
export function hasBody(request: Request): boolean {
  return Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
}

@Injectable()
export class RequestBodyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (!hasBody(request)) return next.handle();
    const options = this.reflector.get<BodyOptions | undefined>(BODY_OPTIONS, context.getHandler()) ?? {};
    if (request.is('application/json')) {
      await readJson(request, context.switchToHttp().getResponse<Response>(), options.jsonLimitBytes ?? JSON_BODY_LIMIT_BYTES);
      return next.handle();
    }
    if (options.multipart) return next.handle();
    throw new UnsupportedMediaTypeException(JSON_ONLY);
  }
}

/** express.json's errors (malformed, too large) carry a `type` the error filter words. */
function readJson(request: Request, response: Response, limit: number): Promise<void> {
  return new Promise((resolve, reject) => {
    jsonParser(limit)(request, response, (error?: unknown) => (error ? reject(error as Error) : resolve()));
  });
}
