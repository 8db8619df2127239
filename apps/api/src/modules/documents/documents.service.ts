/** Reading the corpus. Import, metadata and passages arrive with the corpus issue. */
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { DocumentDetail, DocumentSummary } from '@marginalia/shared';
import { CorpusDocument } from './document.entity.js';

function toSummary(document: CorpusDocument): DocumentSummary {
  return {
    id: document.id,
    title: document.title,
    sourceFilename: document.sourceFilename,
    characterCount: [...document.text].length,
    createdAt: document.createdAt.toISOString(),
  };
}

@Injectable()
export class DocumentsService {
  constructor(@InjectRepository(CorpusDocument) private readonly documents: Repository<CorpusDocument>) {}

  async list(workspaceId: string): Promise<DocumentSummary[]> {
    const rows = await this.documents.find({ where: { workspaceId }, order: { title: 'ASC', id: 'ASC' } });
    return rows.map(toSummary);
  }

  async get(workspaceId: string, documentId: string): Promise<DocumentDetail> {
    const document = await this.documents.findOneBy({ workspaceId, id: documentId });
    if (!document) throw new NotFoundException('document not found');
    return { ...toSummary(document), text: document.text };
  }
}
