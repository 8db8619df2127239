/**
 * A Nest LoggerService over pino: one JSON line per event, or, in a terminal, readable lines
 * (pino-pretty) unless LOG_FORMAT=json. Nest's start-up chatter (a line per route and module)
 * is debug: at info the terminal shows what an operator needs, and the welcome comes last.
 */
import type { LoggerService } from '@nestjs/common';
import { pino, type Logger, type LevelWithSilent } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'json' | 'pretty';

/** Pretty only for a person at a terminal; files, pipes and log collectors get JSON. */
export function logFormatFor(configured: LogFormat | undefined, isTty = Boolean(process.stdout.isTTY)): LogFormat {
  return configured ?? (isTty ? 'pretty' : 'json');
}

export function createPinoLogger(level: LevelWithSilent, format: LogFormat = 'json'): Logger {
  const options = { level, base: { service: 'marginalia-api' } };
  if (format === 'json') return pino(options);
  // Synchronous, so its lines and the welcome written to stdout keep their order.
  return pino(options, pretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service,context', messageFormat: '{if context}[{context}] {end}{msg}' }));
}

/** Nest contexts whose info lines are start-up detail (mapped routes, initialised modules). */
const STARTUP_DETAIL_CONTEXTS = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader', 'WebSocketsController', 'NestFactory', 'NestApplication']);

export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    if (context && STARTUP_DETAIL_CONTEXTS.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

/**
 * User input written to logs (emails, user agents) has its control characters escaped, so a
 * crafted value cannot forge log lines or terminal escapes.
 */
export function escapeForLog(value: string, maxLength = 200): string {
  // eslint-disable-next-line no-control-regex
  const escaped = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > maxLength ? `${escaped.slice(0, maxLength)}…` : escaped;
}

export const SECURITY_LOGGER = Symbol('SECURITY_LOGGER');
