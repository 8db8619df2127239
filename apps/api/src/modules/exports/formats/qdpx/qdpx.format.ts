/**
 * REFI-QDA project exchange (.qdpx): a ZIP of project.qde (project-qde.ts) and the text of
 * each document as sources/<guid>.txt, UTF-8, which the qde's TextSources reference as
 * internal://<guid>.txt. Streamed: the qde is compressed as it is written, and the archive
 * leaves as chunks from yazl's output stream.
 */
import { Readable } from 'node:stream';
import type { WorkspaceExport } from '@marginalia/shared';
import yazl from 'yazl';
import type { ExportFormat } from '../../export-format.js';
import { sourceFileName, writeProjectQde } from './project-qde.js';

/** Entries get the snapshot's time, not the clock's: the same snapshot gives the same bytes. */
export function writeQdpx(snapshot: WorkspaceExport): AsyncIterable<Uint8Array> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(snapshot.exportedAt);
  const qde = Readable.from((function* () {
    for (const chunk of writeProjectQde(snapshot)) yield Buffer.from(chunk, 'utf8');
  })());
  zip.addReadStream(qde, 'project.qde', { mtime });
  for (const document of snapshot.documents) zip.addBuffer(Buffer.from(document.text, 'utf8'), `sources/${sourceFileName(document.id)}`, { mtime });
  zip.end();
  return zip.outputStream as AsyncIterable<Uint8Array>;
}

export const qdpxExportFormat: ExportFormat = {
  id: 'qdpx',
  label: 'REFI-QDA project (.qdpx)',
  description: 'Documents, codebook, coded segments, memos, discussions and argument maps for ATLAS.ti, MAXQDA, NVivo, QualCoder and other REFI-QDA tools.',
  mediaType: 'application/vnd.refi-qda.qdpx',
  extension: 'qdpx',
  serialize: (snapshot) => writeQdpx(snapshot),
};
