/**
 * REFI-QDA codebook exchange (.qdc): the codebook alone, namespace urn:QDA-XML:codebook:1.0,
 * the same nested Codes as in a project (codebook-xml.ts). Import: qdc-reader.ts.
 */
import type { WorkspaceExport } from '@marginalia/shared';
import type { ExportFormat } from '../../export-format.js';
import { XmlWriter } from '../xml-writer.js';
import { writeCodes } from './codebook-xml.js';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export function writeQdc(snapshot: WorkspaceExport): string {
  const xml = new XmlWriter();
  xml.start('CodeBook', { xmlns: QDC_NAMESPACE, origin: snapshot.generator });
  writeCodes(xml, snapshot.codebook.tags);
  xml.end();
  return xml.finish();
}

export const qdcExportFormat: ExportFormat = {
  id: 'qdc',
  label: 'REFI-QDA codebook (.qdc)',
  description: 'The codebook (nested tags with colours, definitions and criteria) for other qualitative analysis tools.',
  mediaType: 'application/vnd.refi-qda.qdc+xml',
  extension: 'qdc',
  serialize: (snapshot) => writeQdc(snapshot),
};
