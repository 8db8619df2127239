import { beforeAll, describe, expect, it } from '@jest/globals';
import { BadRequestException, ConflictException, HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import { ApiExceptionFilter } from './api-exception.filter.js';

/** Runs the filter on an exception and returns what it would send. */
function send(exception: unknown): { status: number; body: unknown } {
  const sent: { status: number; body: unknown } = { status: 0, body: undefined };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent;
}

function parserError(type: string, status: number, message: string): Error & { status: number; type: string } {
  return Object.assign(new SyntaxError(message), { status, type });
}

describe('ApiExceptionFilter', () => {
  beforeAll(() => {
    // The 500 case logs the error; keep the test output clean.
    Logger.overrideLogger(false);
  });

  it('answers HTTP exceptions with status, reason phrase and message', () => {
    expect(send(new ConflictException('already a member'))).toEqual({ status: 409, body: { statusCode: 409, error: 'Conflict', message: 'already a member' } });
  });

  it('keeps validation issues', () => {
    const issues = [{ path: 'role', message: 'invalid option' }];
    expect(send(new BadRequestException({ message: 'invalid request body: role invalid option', issues })).body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'invalid request body: role invalid option',
      issues,
    });
  });

  it.each([
    { label: 'malformed JSON', error: parserError('entity.parse.failed', 400, 'Unexpected token } in JSON at position 9'), status: 400, message: 'request body is not valid JSON' },
    { label: 'an oversized body', error: parserError('entity.too.large', 413, 'request entity too large'), status: 413, message: 'request body is too large' },
  ])('words body parser errors for $label in its own terms, raw or wrapped by Nest', ({ error, status, message }) => {
    const wrapped = new HttpException(error.message, status, { cause: error });
    for (const exception of [error, wrapped]) {
      expect(send(exception).body).toEqual({ statusCode: status, error: status === 400 ? 'Bad Request' : 'Payload Too Large', message });
    }
  });

  it('answers anything unexpected with a plain 500 that leaks nothing', () => {
    const sent = send(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2'));
    expect(sent).toEqual({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'unexpected server error' } });
  });
});
