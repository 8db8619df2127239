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
}
