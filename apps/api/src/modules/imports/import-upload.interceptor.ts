/**
 * Receives an import's files: multer (via Nest's FilesInterceptor) with memory storage and
 * the import limits, so an oversized upload is refused early: by its Content-Length before
 * a byte is read, or as soon as a file or the batch passes its limit while streaming.
 * multer's terse errors ("File too large") are reworded to say which limit, and what to do.
 * Requests that are not multipart pass through untouched (pasted text is JSON).
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
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { IMPORT_LIMITS } from '@marginalia/shared';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { InstanceSettingsService } from '../instance/instance-settings.service.js';
import { BatchMemoryStorage, batchTooLarge } from './batch-memory-storage.js';

export const FILES_FIELD = 'files';
export const IMPORT_BODY_TYPES = 'send files as multipart/form-data in the "files" field, or pasted text as application/json {"text": "...", "title": "..."}';

/** Multipart framing (boundaries, part headers) on top of the files themselves, generously. */
const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;
const MB = 1024 * 1024;

const FilesUpload = FilesInterceptor(FILES_FIELD, IMPORT_LIMITS.maxFilesPerBatch, {
  storage: new BatchMemoryStorage(IMPORT_LIMITS.maxBatchBytes),
  // File names as browsers and fetch send them: raw UTF-8.
  defParamCharset: 'utf8',
  limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: IMPORT_LIMITS.maxFilesPerBatch, fields: 20, fieldSize: 64 * 1024, parts: IMPORT_LIMITS.maxFilesPerBatch + 20 },
});

@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly files = new FilesUpload();

  constructor(private readonly settings: InstanceSettingsService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.is('multipart/*')) return next.handle();
    if (Number(request.headers['content-length']) > IMPORT_LIMITS.maxBatchBytes + MULTIPART_OVERHEAD_BYTES) throw batchTooLarge(IMPORT_LIMITS.maxBatchBytes);
    let handled: Observable<unknown>;
    try {
      handled = await this.files.intercept(context, next);
    } catch (error) {
      throw explainUploadError(error);
    }
    // The instance setting (maxUploadMegabytes) lowers the limit below the hard ceiling that
    // multer enforces while streaming; the handler has not run yet (the observable is lazy).
    const limitBytes = Math.min(IMPORT_LIMITS.maxFileBytes, (await this.settings.get('maxUploadMegabytes')) * MB);
    const tooLarge = ((request.files ?? []) as Express.Multer.File[]).find((file) => file.size > limitBytes);
    if (tooLarge) throw fileTooLarge(tooLarge.originalname, limitBytes);
    return handled;
  }
}

interface MulterFailure {
  code?: string;
  field?: string;
  filename?: string;
}

export function fileTooLarge(filename: string | undefined, limitBytes: number): PayloadTooLargeException {
  return new PayloadTooLargeException(`${filename ? `${filename.slice(0, 200)} is` : 'a file is'} larger than ${limitBytes / MB} MB (the limit for one file)`);
}

export function explainUploadError(error: unknown): unknown {
  if (!(error instanceof HttpException)) return error;
  const { code, field, filename } = (error.cause ?? {}) as MulterFailure;
  const tooManyFiles = `too many files: one import takes at most ${IMPORT_LIMITS.maxFilesPerBatch} files; import them in several batches`;
  switch (code) {
    case 'LIMIT_FILE_SIZE':
      return fileTooLarge(filename, IMPORT_LIMITS.maxFileBytes);
    case 'LIMIT_FILE_COUNT':
      return new BadRequestException(tooManyFiles);
    case 'LIMIT_UNEXPECTED_FILE':
      return new BadRequestException(field === FILES_FIELD ? tooManyFiles : `unexpected file field "${(field ?? '').slice(0, 100)}": ${IMPORT_BODY_TYPES}`);
    case 'LIMIT_PART_COUNT':
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_FIELD_KEY':
    case 'LIMIT_FIELD_VALUE':
    case 'LIMIT_FIELD_NESTING':
    case 'LIMIT_FIELD_ARRAY_INDEX':
    case 'INVALID_FIELD_NAME':
    case 'MISSING_FIELD_NAME':
      return new BadRequestException(`the upload has too many or too large form fields; ${IMPORT_BODY_TYPES}`);
    default:
      break;
  }
  if (error instanceof UnsupportedMediaTypeException) return new UnsupportedMediaTypeException(IMPORT_BODY_TYPES);
  if (error instanceof BadRequestException && /multipart|boundary|unexpected end/i.test(error.message)) {
    return new BadRequestException(`the multipart body is malformed (${error.message}); ${IMPORT_BODY_TYPES}`);
  }
  return error;
}
