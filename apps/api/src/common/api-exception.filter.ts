/**
 * Every error leaves the API as { statusCode, error, message } (plus `issues` for validation),
 * and nothing internal leaks: unexpected errors are logged and answered with a plain 500.
 */
import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ApiError } from '@marginalia/shared';
import type { Response } from 'express';

const REASON_PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Body parser errors (malformed JSON, body too large), by type, in our words. */
const PARSER_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'request body is not valid JSON',
  'entity.too.large': 'request body is too large',
};

export function reasonPhrase(status: number): string {
  return REASON_PHRASES[status] ?? 'Error';
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiError {
    // Nest hands body parser errors over wrapped in an HttpException, the original as `cause`.
    const parserError = exception instanceof HttpException ? exception.cause : exception;
    if (isStatusError(parserError) && parserError.type && parserError.type in PARSER_MESSAGES) {
      return { statusCode: parserError.status, error: reasonPhrase(parserError.status), message: PARSER_MESSAGES[parserError.type]! };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const fromObject = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const message = typeof raw === 'string' ? raw : fromObject.message;
      const body: ApiError = {
        statusCode,
        error: reasonPhrase(statusCode),
        message: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message,
      };
      if (Array.isArray(fromObject.issues)) body.issues = fromObject.issues as ApiError['issues'];
      return body;
    }
    // Other errors with a client-error status of their own (from Express middleware).
    if (isStatusError(exception)) {
      return { statusCode: exception.status, error: reasonPhrase(exception.status), message: exception.message };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: reasonPhrase(500), message: 'unexpected server error' };
  }
}

function isStatusError(value: unknown): value is { status: number; type?: string; message: string } {
  if (typeof value !== 'object' || value === null) return false;
  const status = (value as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
