/**
 * Receives one REFI-QDA file in the multipart field "file", in memory, refused with 413 by its
 * Content-Length before a byte is read or as soon as it passes the limit while streaming
 * (REFI_QDA_IMPORT_LIMITS: 100 MB for a .qdpx, 10 MB for a .qdc). Anything but multipart is 415.
 */
import {
  BadRequestException,
  HttpException,
  Injectable,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { BatchMemoryStorage } from '../../imports/batch-memory-storage.js';

export const REFI_FILE_FIELD = 'file';
const MB = 1024 * 1024;
/** Multipart framing on top of the file, generously. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export function refiQdaUpload(maxBytes: number, what: string): Type<NestInterceptor> {
  const tooLarge = (): PayloadTooLargeException => new PayloadTooLargeException(`the ${what} is larger than ${Math.round(maxBytes / MB)} MB (the limit for one import)`);
  const usage = `send the ${what} as multipart/form-data in the "${REFI_FILE_FIELD}" field`;
  const Upload = FileInterceptor(REFI_FILE_FIELD, {
    storage: new BatchMemoryStorage(maxBytes),
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
  });

  @Injectable()
  class RefiQdaUploadInterceptor implements NestInterceptor {
    private readonly upload = new Upload();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<Request>();
      if (!request.is('multipart/form-data')) throw new UnsupportedMediaTypeException(usage);
      if (Number(request.headers['content-length']) > maxBytes + MULTIPART_OVERHEAD_BYTES) throw tooLarge();
      try {
        return await this.upload.intercept(context, next);
      } catch (error) {
        if (!(error instanceof HttpException)) throw error;
        const code = (error.cause as { code?: string } | undefined)?.code;
        if (code === 'LIMIT_FILE_SIZE' || error instanceof PayloadTooLargeException) throw tooLarge();
        if (code) throw new BadRequestException(`${usage} (${error.message})`);
        throw error;
      }
    }
  }
  return RefiQdaUploadInterceptor;
}
