// Drops every database this run created, then stops the embedded server if there was one.
import pg from 'pg';

export default async function globalTeardown() {
  const run = globalThis.marginaliaTestRun;
  if (!run) return;
  const client = new pg.Client({ connectionString: run.serverUrl });
  await client.connect();
  const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${run.prefix}%`]);
  for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await client.end();
  await run.stopEmbedded?.();
  run.stopRedis?.();
  if (run.redisMissing) {
    // After jest's summary, so nobody reads a green run as "the two-node tests passed".
    process.stderr.write('\n*** SKIPPED: the two-node and Redis tests (collab-cluster, collab-redis-resync, redis-prefix, nginx-cluster) did not run: REDIS_URL is unset and redis-server is not installed (apt-get install redis-server). CI runs them. ***\n\n');
  }
}
