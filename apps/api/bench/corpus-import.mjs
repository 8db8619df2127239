// Filling the benchmark workspace: through the REST import route (multipart batches within
// IMPORT_LIMITS, polling the job), or, while that route does not exist, straight through
// prepareDocument/insertDocument, which is what the import job calls; the output says which.
import { performance } from 'node:perf_hooks';
import { IMPORT_LIMITS } from '@marginalia/shared';
import { insertDocument, prepareDocument } from '../dist/modules/documents/document-writer.js';

const POLL_MS = 50;
const DIRECT_CONCURRENCY = 4;

/** Splits files into batches that respect the per-batch file count and byte limits. */
export function batches(files) {
  const result = [];
  let current = [];
  let bytes = 0;
  for (const file of files) {
    const size = Buffer.byteLength(file.text);
    if (current.length > 0 && (current.length >= IMPORT_LIMITS.maxFilesPerBatch || bytes + size > IMPORT_LIMITS.maxBatchBytes)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

async function waitForJob(client, workspaceId, jobId) {
  for (;;) {
    const job = await client.expect(200, 'GET', `/workspaces/${workspaceId}/imports/${jobId}`);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Uploads every batch (the server queues them), then waits for all jobs. Returns null when the
 * route is missing (404 from the router, not from the workspace guard).
 */
async function importOverRest(client, workspaceId, files) {
  const started = performance.now();
  const jobs = [];
  for (const batch of batches(files)) {
    const response = await client.upload(`/workspaces/${workspaceId}/imports`, batch);
    if (response.status === 404 && jobs.length === 0) return null;
    if (response.status !== 202) throw new Error(`import upload: expected 202, got ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    jobs.push(response.body.id);
  }
  const finished = await Promise.all(jobs.map((jobId) => waitForJob(client, workspaceId, jobId)));
  const seconds = (performance.now() - started) / 1000;
  const failed = finished.filter((job) => job.status === 'failed');
  if (failed.length > 0) throw new Error(`import job failed: ${failed.map((job) => job.error).join('; ')}`);
  const accepted = finished.reduce((sum, job) => sum + job.acceptedCount, 0);
  const rejected = finished.reduce((sum, job) => sum + job.rejectedCount, 0);
  return { method: `REST POST /imports (${jobs.length} batches of <= ${IMPORT_LIMITS.maxFilesPerBatch} files)`, seconds, accepted, rejected };
}

/** insertDocument per file, each in its own transaction, a few at a time. */
export async function insertDirectly(dataSource, workspaceId, files) {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next];
      next += 1;
      const prepared = prepareDocument({ workspaceId, text: file.text, title: file.text.split('\n', 1)[0], titleProposed: true, sourceFilename: file.name, importedById: null });
      await dataSource.transaction((manager) => insertDocument(manager, prepared));
    }
  };
  await Promise.all(Array.from({ length: DIRECT_CONCURRENCY }, worker));
  return { seconds: (performance.now() - started) / 1000, accepted: files.length, rejected: 0 };
}

export async function importCorpus({ client, dataSource, workspaceId, files }) {
  const overRest = await importOverRest(client, workspaceId, files);
  if (overRest) return overRest;
  const direct = await insertDirectly(dataSource, workspaceId, files);
  return { ...direct, method: 'FALLBACK: direct prepareDocument/insertDocument (import route not available yet)' };
}
