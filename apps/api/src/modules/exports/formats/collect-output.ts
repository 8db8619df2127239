/** Collects an export's output (string, bytes or chunks) into one Buffer: for tests and small exports. */
import type { ExportOutput } from '../export-format.js';

export async function collectOutput(output: ExportOutput | Promise<ExportOutput>): Promise<Buffer> {
  const value = await output;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (value instanceof Uint8Array) return Buffer.from(value);
  const chunks: Buffer[] = [];
  if (Symbol.asyncIterator in value) for await (const chunk of value) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  else for (const chunk of value) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
