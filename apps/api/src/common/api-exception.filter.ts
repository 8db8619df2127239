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
    // Body parser errors (malformed JSON, body too large) carry a status of their own.
    if (isStatusError(exception)) {
      const statusCode = exception.status;
      const message =
        exception.type === 'entity.parse.failed' ? 'request body is not valid JSON' : exception.type === 'entity.too.large' ? 'request body is too large' : exception.message;
      return { statusCode, error: reasonPhrase(statusCode), message };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: reasonPhrase(500), message: 'unexpected server error' };
  }
}

function isStatusError(value: unknown): value is { status: number; type?: string; message: string } {
  if (typeof value !== 'object' || value === null) return false;
  const status = (value as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
