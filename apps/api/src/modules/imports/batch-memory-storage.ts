/**
 * multer storage for import uploads: files kept in memory, and the whole request cut off
 * with 413 as soon as the files together pass the batch limit (multer itself only limits
 * each file). Nothing is written anywhere until the request has been accepted.
 */
import { PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import type { Readable } from 'node:stream';

/** What the route handler gets for each uploaded file. */
export interface ReceivedFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
  size: number;
}

interface IncomingFile {
  originalname: string;
  stream: Readable;
}

const MB = 1024 * 1024;

export function batchTooLarge(maxBatchBytes: number): PayloadTooLargeException {
  return new PayloadTooLargeException(`the files together are larger than ${Math.round(maxBatchBytes / MB)} MB (the limit for one import); import them in several batches`);
}

export class BatchMemoryStorage implements StorageEngine {
  private readonly received = new WeakMap<Request, number>();

  constructor(private readonly maxBatchBytes: number) {}

  _handleFile(request: Request, file: IncomingFile, callback: (error?: unknown, info?: Partial<ReceivedFile>) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const onData = (chunk: Buffer): void => {
      const total = (this.received.get(request) ?? 0) + chunk.length;
      this.received.set(request, total);
      if (total > this.maxBatchBytes) {
        // Stop keeping bytes; multer drains the rest of the request and answers with the error.
        refused = true;
        chunks.length = 0;
        file.stream.off('data', onData);
        file.stream.resume();
        callback(batchTooLarge(this.maxBatchBytes));
        return;
      }
      size += chunk.length;
      chunks.push(chunk);
    };
    file.stream.on('data', onData);
    file.stream.once('end', () => {
      if (!refused) callback(null, { buffer: Buffer.concat(chunks, size), size });
    });
    file.stream.once('error', (error) => {
      if (!refused) callback(error);
    });
  }

  _removeFile(_request: Request, file: Partial<ReceivedFile>, callback: (error: Error | null) => void): void {
    delete file.buffer;
    callback(null);
  }
}
