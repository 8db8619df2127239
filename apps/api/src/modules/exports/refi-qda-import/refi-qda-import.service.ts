/**
 * REFI-QDA imports: a .qdpx project into a NEW workspace (the importing user its owner and the
 * author of every annotation, thread and map), a .qdc codebook into an existing workspace's
 * codebook. The file is read in a worker under the import readers' limits
 * (refi-qda-sandbox.ts), turned into a plan by pure functions (project-plan.ts,
 * codebook-plan.ts), and the plan written in one transaction: an import that fails leaves
 * nothing behind. Each answers with a report of what was left out and why.
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addEdge, addNode, REFI_QDA_IMPORT_LIMITS, type QdcImportReport, type QdpxImportReport, type RefiQdaSkipped } from '@marginalia/shared';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { APP_CONFIG, type AppConfig } from '../../../config/config.schema.js';
import { AuditService } from '../../audit/audit.service.js';
import { insertDocuments, prepareDocument } from '../../documents/document-writer.js';
import { shorten } from '../../discussion/thread-anchors.js';
import { Membership } from '../../workspaces/membership.entity.js';
import { Workspace } from '../../workspaces/workspace.entity.js';
import { insertMap } from '../map-insert.js';
import { planCodebook, type ExistingTag, type PlannedTag } from './codebook-plan.js';
import type { PlannedMap } from './graph-plan.js';
import { planProject, type ProjectPlan } from './project-plan.js';
import { readRefiQdaFile, type RefiReadLimits } from './refi-qda-sandbox.js';

function listSkipped(skipped: readonly RefiQdaSkipped[]): { skipped: RefiQdaSkipped[]; moreSkipped: number } {
  const max = REFI_QDA_IMPORT_LIMITS.maxReportedSkips;
  return { skipped: skipped.slice(0, max), moreSkipped: Math.max(0, skipped.length - max) };
}

@Injectable()
export class RefiQdaImportService {
  private readonly limits: RefiReadLimits;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = { deadlineMs: config.IMPORT_READ_DEADLINE_MS, maxHeapMb: config.IMPORT_READ_MAX_HEAP_MB };
  }

  async importProject(userId: string, content: Uint8Array, filename: string): Promise<QdpxImportReport> {
    const project = await readRefiQdaFile({ kind: 'qdpx', content }, this.limits);
    const plan = planProject(project, filename.replace(/\.qdpx$/i, '').trim().slice(0, 200) || 'Imported project');
    const counts = await this.dataSource.transaction((manager) => this.writeProject(manager, userId, plan, project.origin));
    return { ...counts, origin: project.origin, ...listSkipped(plan.skipped) };
  }

  async importCodebook(workspaceId: string, userId: string, content: Uint8Array): Promise<QdcImportReport> {
    const project = await readRefiQdaFile({ kind: 'qdc', content }, this.limits);
    return await this.dataSource.transaction(async (manager) => {
      // Serialises codebook imports of one workspace: the merge by name reads, then writes.
      await manager.query(`SELECT id FROM workspaces WHERE id = $1 FOR UPDATE`, [workspaceId]);
      const existing = (await manager.query(`SELECT id, parent_id AS "parentId", name, position FROM tags WHERE workspace_id = $1`, [workspaceId])) as ExistingTag[];
      const plan = planCodebook(project.codes, existing);
      await insertTags(manager, workspaceId, userId, plan.tags);
      await this.audit.record(manager, { workspaceId, actorId: userId, action: 'tag.created', details: { importedFrom: 'qdc', origin: project.origin.slice(0, 200), added: plan.tags.length, merged: plan.merged } });
      return { origin: project.origin, added: plan.tags.length, merged: plan.merged, ...listSkipped([...project.skipped, ...plan.skipped]) };
    });
  }

  private async writeProject(manager: EntityManager, userId: string, plan: ProjectPlan, origin: string): Promise<Omit<QdpxImportReport, 'origin' | 'skipped' | 'moreSkipped'>> {
    const workspace = await manager.save(manager.create(Workspace, { name: plan.name, description: plan.description, archivedAt: null }));
    const workspaceId = workspace.id;
    await manager.insert(Membership, { workspaceId, userId, role: 'owner' });
    await insertTags(manager, workspaceId, userId, plan.tags);
    const stored = await insertDocuments(
      manager,
      plan.documents.map((document) =>
        prepareDocument({
          workspaceId,
          text: document.text,
          title: document.title,
          titleProposed: false,
          sourceFilename: null,
          importedById: userId,
          author: document.author,
          source: document.source,
          url: document.url,
          publishedOn: document.publishedOn,
          language: document.language,
          fields: document.fields,
        }),
      ),
    );
    let annotations = 0;
    let threads = 0;
    const thread = async (anchor: { kind: string; label: string; documentId?: string; tagId?: string; quote?: { start: number; end: number; exact: string; prefix: string; suffix: string } }, body: string): Promise<void> => {
      const q = anchor.quote;
      const [row] = (await manager.query(
        `INSERT INTO threads (workspace_id, anchor_kind, document_id, start, "end", exact, prefix, suffix, tag_id, label, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [workspaceId, anchor.kind, anchor.documentId ?? null, q?.start ?? null, q?.end ?? null, q?.exact ?? null, q?.prefix ?? null, q?.suffix ?? null, anchor.tagId ?? null, shorten(anchor.label), userId],
      )) as { id: string }[];
      await manager.query(`INSERT INTO comments (thread_id, workspace_id, author_id, body, mentions) VALUES ($1, $2, $3, $4, '{}'::uuid[])`, [row!.id, workspaceId, userId, body]);
      threads += 1;
    };
    const annotationIds: string[][] = [];
    for (const [index, document] of plan.documents.entries()) {
      const documentId = stored[index]!.id;
      annotationIds.push(await insertAnnotations(manager, workspaceId, documentId, userId, document.annotations));
      annotations += document.annotations.length;
      for (const { body, ...quote } of document.textThreads) await thread({ kind: 'text', label: quote.exact, documentId, quote }, body);
      for (const body of document.threads) await thread({ kind: 'document', label: document.title, documentId }, body);
    }
    const tagNames = new Map(plan.tags.map((tag) => [tag.id, tag.name]));
    for (const { tagId, body } of plan.tagThreads) await thread({ kind: 'tag', label: tagNames.get(tagId) ?? '', tagId }, body);
    for (const body of plan.workspaceThreads) await thread({ kind: 'workspace', label: plan.name }, body);
    for (const map of plan.maps) await insertPlannedMap(manager, workspaceId, userId, map, (index) => stored[index]!.id, (index, at) => annotationIds[index]![at]!);
    await this.audit.record(manager, { workspaceId, actorId: userId, action: 'workspace.created', details: { name: plan.name, importedFrom: 'qdpx', origin: origin.slice(0, 200) } });
    return { workspaceId, workspaceName: plan.name, imported: { documents: stored.length, tags: plan.tags.length, annotations, threads, maps: plan.maps.length } };
  }
}

/** Parents before children: the plan lists codes in file order, where a parent encloses its children. */
async function insertTags(manager: EntityManager, workspaceId: string, userId: string, tags: readonly PlannedTag[]): Promise<void> {
  for (const tag of tags) {
    await manager.query(
      `INSERT INTO tags (id, workspace_id, parent_id, position, name, color, definition, inclusion, exclusion, examples, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11)`,
      [tag.id, workspaceId, tag.parentId, tag.position, tag.name, tag.color, tag.definition, tag.inclusion, tag.exclusion, JSON.stringify(tag.examples), userId],
    );
  }
}

const ANNOTATION_BATCH = 1000;

/** Returns the new annotations' ids, in the plan's order. */
async function insertAnnotations(manager: EntityManager, workspaceId: string, documentId: string, userId: string, annotations: ProjectPlan['documents'][number]['annotations']): Promise<string[]> {
  const inserted: string[] = [];
  for (let at = 0; at < annotations.length; at += ANNOTATION_BATCH) {
    const batch = annotations.slice(at, at + ANNOTATION_BATCH);
    const column = <K extends keyof (typeof batch)[number]>(key: K) => batch.map((annotation) => annotation[key]);
    const ids = (await manager.query(
      `INSERT INTO annotations (workspace_id, document_id, analyst_id, kind, start, "end", exact, prefix, suffix, memo)
       SELECT $1, $2, $3, kind, start, "end", exact, prefix, suffix, memo
         FROM unnest($4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[]) WITH ORDINALITY AS a(kind, start, "end", exact, prefix, suffix, memo, n)
        ORDER BY n RETURNING id`,
      [workspaceId, documentId, userId, column('kind'), column('start'), column('end'), column('exact'), column('prefix'), column('suffix'), column('memo')],
    )) as { id: string }[];
    const pairs = batch.flatMap((annotation, i) => annotation.tagIds.map((tagId) => [ids[i]!.id, tagId] as const));
    await manager.query(`INSERT INTO annotation_tags (annotation_id, tag_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])]);
    inserted.push(...ids.map((row) => row.id));
  }
  return inserted;
}

/** A graph as an argument map by the importing user, its evidence citing the documents and annotations just stored. */
async function insertPlannedMap(manager: EntityManager, workspaceId: string, userId: string, map: PlannedMap, documentId: (index: number) => string, annotationId: (document: number, at: number) => string): Promise<void> {
  const doc = new Y.Doc();
  for (const node of map.nodes) {
    const cited = node.evidence;
    const evidence = cited
      ? [{ documentId: documentId(cited.documentIndex), start: cited.start, end: cited.end, exact: cited.exact, ...(cited.annotationIndex === null ? {} : { annotationId: annotationId(cited.documentIndex, cited.annotationIndex) }) }]
      : [];
    addNode(doc, userId, { kind: node.kind, text: node.text, x: node.x, y: node.y, evidence }, node.id);
  }
  for (const edge of map.edges) addEdge(doc, userId, { kind: edge.kind, source: edge.source, target: edge.target }, edge.id);
  await insertMap(manager, { id: randomUUID(), workspaceId, title: map.title, createdBy: userId, archived: false }, doc);
  doc.destroy();
}
