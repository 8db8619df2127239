/**
 * Where background exports keep their files: DATA_DIR/exports, one file per job named by the
 * job's id only (nothing a user typed reaches a path). A job writes `<id>.part` chunk by chunk
 * as the serializer yields them, so an export is never held whole in memory, and renames it to
 * `<id>.export` when complete; downloads stream that file. Several API processes must share
 * DATA_DIR for any of them to serve a download (one machine: they do).
 */
import { Inject, Injectable } from '@nestjs/common';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { APP_CONFIG, type AppConfig } from '../../../config/config.schema.js';
import type { ExportOutput } from '../export-format.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Serializer chunks are gathered into writes of about this size. */
const WRITE_BYTES = 256 * 1024;

/** Thrown by `progress` to stop a write (the job was deleted, or the process is stopping). */
export class ExportWriteStopped extends Error {}

@Injectable()
export class ExportFiles {
  readonly directory: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.directory = path.resolve(config.DATA_DIR, 'exports');
  }

  /**
   * Writes the output to the job's file and returns its size. `progress` is awaited with the
   * bytes written so far after each write; a rejection stops the write and removes the part.
   */
  async write(jobId: string, output: ExportOutput, progress: (writtenBytes: number) => Promise<void>): Promise<number> {
    await mkdir(this.directory, { recursive: true });
    const part = this.partPath(jobId);
    const file = await open(part, 'w', 0o600);
    let written = 0;
    try {
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async (): Promise<void> => {
        if (pendingBytes === 0) return;
        const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await file.write(bytes);
        written += bytes.length;
        await progress(written);
      };
      for await (const chunk of chunksOf(output)) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= WRITE_BYTES) await flush();
      }
      await flush();
      await file.close();
    } catch (error) {
      await file.close().catch(() => undefined);
      await rm(part, { force: true });
      throw error;
    }
    try {
      await rename(part, this.filePath(jobId));
    } catch (error) {
      // The job was deleted while it was written, and its part with it.
      if ((error as { code?: string }).code === 'ENOENT') throw new ExportWriteStopped('the export was deleted while it was written');
      throw error;
    }
    return written;
  }

  /** The finished file as a stream, with its size; null when it is not on this machine. */
  async read(jobId: string): Promise<{ stream: ReadStream; size: number } | null> {
    const file = this.filePath(jobId);
    try {
      const { size } = await stat(file);
      return { stream: createReadStream(file), size };
    } catch {
      return null;
    }
  }

  async remove(jobId: string): Promise<void> {
    await Promise.all([rm(this.filePath(jobId), { force: true }), rm(this.partPath(jobId), { force: true })]);
  }

  /** Ids of the jobs that have a file (finished or partial) here, with its age in ms. */
  async list(): Promise<{ jobId: string; ageMs: number }[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch {
      return [];
    }
    const files: { jobId: string; ageMs: number }[] = [];
    for (const name of names) {
      const jobId = name.replace(/\.(export|part)$/, '');
      if (!UUID.test(jobId)) continue;
      const info = await stat(path.join(this.directory, name)).catch(() => null);
      if (info) files.push({ jobId, ageMs: Date.now() - info.mtimeMs });
    }
    return files;
  }

  private filePath(jobId: string): string {
    return path.join(this.directory, `${checkedId(jobId)}.export`);
  }

  private partPath(jobId: string): string {
    return path.join(this.directory, `${checkedId(jobId)}.part`);
  }
}

function checkedId(jobId: string): string {
  if (!UUID.test(jobId)) throw new Error(`not an export job id: ${jobId.slice(0, 40)}`);
  return jobId;
}

/** Any serializer output as byte chunks; other work gets a turn between synchronous chunks. */
async function* chunksOf(output: ExportOutput): AsyncGenerator<Buffer> {
  const toBuffer = (chunk: string | Uint8Array): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  if (typeof output === 'string' || output instanceof Uint8Array) {
    yield toBuffer(output);
    return;
  }
  if (Symbol.asyncIterator in output) {
    for await (const chunk of output) yield toBuffer(chunk);
    return;
  }
  for (const chunk of output) {
    yield toBuffer(chunk);
    await yieldToEventLoop();
  }
}
