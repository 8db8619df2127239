/**
 * The pg client class our pool creates. It keeps an 'error' listener for its whole life:
 * pg-pool and TypeORM attach and detach theirs as a connection changes hands, and an 'error'
 * emitted while nobody listens (Postgres restarting or terminating connections) is an
 * uncaught exception that stops the API. Seen once in CI, when a test dropped the database
 * under a running import queue. The queries on a lost connection still fail on their own.
 */
import { Logger } from '@nestjs/common';
import pg from 'pg';

const logger = new Logger('Postgres');

export class ResilientPgClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', (error: Error) => {
      logger.warn(`a database connection failed: ${error.message}`);
    });
  }
}
