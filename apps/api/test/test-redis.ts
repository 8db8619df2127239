/**
 * Redis for the tests. Pub/sub channels ignore the database index, so every test file works
 * under a REDIS_PREFIX of its own (the run's prefix from the global setup plus a random part):
 * runs and files sharing one Redis server never hear each other's messages.
 */
import { randomBytes } from 'node:crypto';

export const TEST_REDIS_PREFIX_ENV = 'MARGINALIA_TEST_REDIS_PREFIX';

/** This test file's prefix: the nodes a file starts share it, other files and runs do not. */
export const TEST_REDIS_PREFIX = `${process.env[TEST_REDIS_PREFIX_ENV] ?? `marginalia-test-${process.pid}`}-${randomBytes(3).toString('hex')}`;
