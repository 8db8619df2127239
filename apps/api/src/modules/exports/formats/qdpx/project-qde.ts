/**
 * A WorkspaceExport as REFI-QDA's project.qde (namespace urn:QDA-XML:project:1.0, schema
 * refi-qda-Project-mrt2019.xsd), written in chunks. What goes where:
 * - members -> Users; tags -> CodeBook (nested, colours, descriptions: codebook-xml.ts);
 * - documents -> TextSources whose text is `sources/<guid>.txt` (qdpx.format.ts writes those);
 *   metadata (author, source, URL, date, language, custom fields) -> Variables, Text-typed;
 * - annotations -> PlainTextSelection (one per annotation, start/end in code points, end
 *   exclusive: REFI counts characters) with one Coding per tag, by the analyst; a memo -> a Note;
 * - threads -> Notes (comments in order, "author, date:" before each) referenced from what
 *   they are about: a text range gets a selection of its own, an annotation its selection, a
 *   tag its code, a document its source, the rest (maps, workspace) the project;
 * - the notebook -> a project Note; argument maps -> Graphs (node -> Vertex, edge -> Edge).
 * Actors and attributions, ACH ratings and weights have no REFI counterpart and are left out.
 */
import type { ExportAnnotation, ExportDocument, ExportMap, ExportThread, WorkspaceExport } from '@marginalia/shared';
import { XmlWriter } from '../xml-writer.js';
import { writeCodes } from './codebook-xml.js';
import { derivedGuid, guidOf } from './guid.js';

export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** Where a source's text is inside the .qdpx (and the name of the file in sources/). */
export function sourceFileName(documentId: string): string {
  return `${guidOf(documentId)}.txt`;
}

export const METADATA_VARIABLES = { author: 'Author', source: 'Source', url: 'URL', publishedOn: 'Published on', language: 'Language' } as const;
type MetadataKey = keyof typeof METADATA_VARIABLES;

export const variableGuid = (name: string): string => derivedGuid(`variable:${name}`);
export const codingGuid = (annotationId: string, tagId: string): string => derivedGuid(`coding:${annotationId}:${tagId}`);
export const memoGuid = (annotationId: string): string => derivedGuid(`memo:${annotationId}`);
export const threadSelectionGuid = (threadId: string): string => derivedGuid(`thread-selection:${threadId}`);
export const notebookGuid = (workspaceId: string): string => derivedGuid(`notebook:${workspaceId}`);
export const elementGuid = (mapId: string, elementId: string): string => derivedGuid(`map:${mapId}:${elementId}`);

const NODE_SHAPES: Record<ExportMap['nodes'][number]['kind'], string> = {
  question: 'Oval',
  explanation: 'RoundedRectangle',
  claim: 'Rectangle',
  evidence: 'Note',
  assumption: 'Star',
  note: 'Note',
};

/** Where each thread's NoteRef goes. */
interface ThreadPlacement {
  byAnnotation: Map<string, string[]>;
  byTag: Map<string, string[]>;
  byDocument: Map<string, string[]>;
  /** Text-anchored threads, written as selections of their own. */
  textByDocument: Map<string, ExportThread[]>;
  project: string[];
}

export function* writeProjectQde(snapshot: WorkspaceExport): Generator<string> {
  const xml = new XmlWriter();
  const users = new Set(snapshot.members.map((member) => member.id));
  const user = (id: string | null): string | undefined => (id !== null && users.has(id) ? guidOf(id) : undefined);
  const placement = placeThreads(snapshot);
  const variables = metadataVariables(snapshot.documents);

  xml.start('Project', {
    xmlns: QDE_NAMESPACE,
    name: snapshot.workspace.name,
    origin: snapshot.generator,
    creationDateTime: snapshot.workspace.createdAt,
    modifiedDateTime: snapshot.exportedAt,
  });
  if (snapshot.members.length > 0) {
    xml.start('Users');
    for (const member of snapshot.members) xml.empty('User', { guid: guidOf(member.id), name: member.displayName });
    xml.end();
  }
  if (snapshot.codebook.tags.length > 0) {
    xml.start('CodeBook');
    writeCodes(xml, snapshot.codebook.tags, (tagId) => placement.byTag.get(tagId) ?? []);
    xml.end();
  }
  if (variables.length > 0) {
    xml.start('Variables');
    for (const name of variables) xml.empty('Variable', { guid: variableGuid(name), name, typeOfVariable: 'Text' });
    xml.end();
  }
  yield* drain(xml);

  const annotationsOf = new Map<string, ExportAnnotation[]>();
  for (const annotation of snapshot.annotations) {
    const list = annotationsOf.get(annotation.documentId) ?? [];
    list.push(annotation);
    annotationsOf.set(annotation.documentId, list);
  }
  if (snapshot.documents.length > 0) {
    xml.start('Sources');
    for (const document of snapshot.documents) {
      writeTextSource(xml, document, annotationsOf.get(document.id) ?? [], placement, user);
      yield* drain(xml);
    }
    xml.end();
  }

  const memos = snapshot.annotations.filter((annotation) => annotation.memo);
  const hasNotebook = snapshot.notebook.markdown.trim() !== '';
  if (memos.length > 0 || snapshot.threads.length > 0 || hasNotebook) {
    xml.start('Notes');
    for (const annotation of memos) {
      writeNote(xml, { guid: memoGuid(annotation.id), name: `Memo: ${shorten(annotation.exact)}`, creatingUser: user(annotation.analystId), creationDateTime: annotation.createdAt }, annotation.memo ?? '');
      yield* drain(xml);
    }
    for (const thread of snapshot.threads) {
      writeNote(xml, { guid: guidOf(thread.id), name: `Thread: ${shorten(thread.anchor.label)}`, creatingUser: user(thread.createdBy), creationDateTime: thread.createdAt }, threadText(thread, snapshot));
      yield* drain(xml);
    }
    if (hasNotebook) writeNote(xml, { guid: notebookGuid(snapshot.workspace.id), name: 'Notebook' }, snapshot.notebook.markdown);
    xml.end();
  }

  const maps = snapshot.maps.filter((map) => map.nodes.length > 0);
  if (maps.length > 0) {
    xml.start('Graphs');
    for (const map of maps) writeGraph(xml, map);
    xml.end();
  }
  if (snapshot.workspace.description) xml.text('Description', snapshot.workspace.description);
  for (const guid of placement.project) xml.empty('NoteRef', { targetGUID: guid });
  if (hasNotebook) xml.empty('NoteRef', { targetGUID: notebookGuid(snapshot.workspace.id) });
  xml.end();
  yield xml.finish();
}

function* drain(xml: XmlWriter): Generator<string> {
  const chunk = xml.take();
  if (chunk !== null) yield chunk;
}

function writeTextSource(xml: XmlWriter, document: ExportDocument, annotations: readonly ExportAnnotation[], placement: ThreadPlacement, user: (id: string | null) => string | undefined): void {
  xml.start('TextSource', { guid: guidOf(document.id), name: document.title, plainTextPath: `internal://${sourceFileName(document.id)}`, creationDateTime: document.createdAt });
  for (const annotation of annotations) {
    xml.start('PlainTextSelection', {
      guid: guidOf(annotation.id),
      name: shorten(annotation.exact),
      startPosition: annotation.start,
      endPosition: annotation.end,
      creatingUser: user(annotation.analystId),
      creationDateTime: annotation.createdAt,
      modifiedDateTime: annotation.updatedAt,
    });
    // A consensus annotation belongs to the team, not to one analyst: it says so, since REFI has no such notion.
    if (annotation.kind === 'consensus') xml.text('Description', 'Consensus');
    for (const tagId of annotation.tagIds) {
      xml.start('Coding', { guid: codingGuid(annotation.id, tagId), creatingUser: user(annotation.analystId), creationDateTime: annotation.createdAt });
      xml.empty('CodeRef', { targetGUID: guidOf(tagId) });
      xml.end();
    }
    if (annotation.memo) xml.empty('NoteRef', { targetGUID: memoGuid(annotation.id) });
    for (const note of placement.byAnnotation.get(annotation.id) ?? []) xml.empty('NoteRef', { targetGUID: note });
    xml.end();
  }
  for (const thread of placement.textByDocument.get(document.id) ?? []) {
    xml.start('PlainTextSelection', { guid: threadSelectionGuid(thread.id), name: shorten(thread.anchor.label), startPosition: thread.anchor.start ?? 0, endPosition: thread.anchor.end ?? 0, creatingUser: user(thread.createdBy), creationDateTime: thread.createdAt });
    xml.empty('NoteRef', { targetGUID: guidOf(thread.id) });
    xml.end();
  }
  for (const note of placement.byDocument.get(document.id) ?? []) xml.empty('NoteRef', { targetGUID: note });
  for (const [key, name] of Object.entries(METADATA_VARIABLES) as [MetadataKey, string][]) {
    const value = document[key];
    if (value) writeVariableValue(xml, name, value);
  }
  for (const [name, value] of Object.entries(document.fields).sort(([a], [b]) => a.localeCompare(b))) writeVariableValue(xml, name, value);
  xml.end();
}

function writeVariableValue(xml: XmlWriter, name: string, value: string): void {
  xml.start('VariableValue');
  xml.empty('VariableRef', { targetGUID: variableGuid(name) });
  xml.text('TextValue', value);
  xml.end();
}

function writeNote(xml: XmlWriter, attributes: { guid: string; name: string; creatingUser?: string | undefined; creationDateTime?: string }, text: string): void {
  xml.start('Note', attributes);
  xml.text('PlainTextContent', text);
  xml.end();
}

function writeGraph(xml: XmlWriter, map: ExportMap): void {
  const nodes = new Set(map.nodes.map((node) => node.id));
  xml.start('Graph', { guid: guidOf(map.id), name: map.title });
  for (const node of map.nodes) {
    const evidence = node.evidence.find((link) => link.annotationId !== undefined);
    xml.empty('Vertex', {
      guid: elementGuid(map.id, node.id),
      representedGUID: evidence?.annotationId ? guidOf(evidence.annotationId) : undefined,
      name: node.text,
      firstX: Math.round(node.x),
      firstY: Math.round(node.y),
      shape: NODE_SHAPES[node.kind],
    });
  }
  for (const edge of map.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    xml.empty('Edge', {
      guid: elementGuid(map.id, edge.id),
      name: edge.kind,
      sourceVertex: elementGuid(map.id, edge.source),
      targetVertex: elementGuid(map.id, edge.target),
      direction: 'OneWay',
      lineStyle: edge.kind === 'opposes' ? 'dashed' : 'solid',
    });
  }
  xml.end();
}

function placeThreads(snapshot: WorkspaceExport): ThreadPlacement {
  const placement: ThreadPlacement = { byAnnotation: new Map(), byTag: new Map(), byDocument: new Map(), textByDocument: new Map(), project: [] };
  const add = <T>(map: Map<string, T[]>, key: string, value: T): void => void map.set(key, [...(map.get(key) ?? []), value]);
  const annotations = new Set(snapshot.annotations.map((annotation) => annotation.id));
  const tags = new Set(snapshot.codebook.tags.map((tag) => tag.id));
  const documents = new Set(snapshot.documents.map((document) => document.id));
  for (const thread of snapshot.threads) {
    const { anchor } = thread;
    const guid = guidOf(thread.id);
    if (anchor.kind === 'annotation' && anchor.annotationId && annotations.has(anchor.annotationId)) add(placement.byAnnotation, anchor.annotationId, guid);
    else if (anchor.kind === 'tag' && anchor.tagId && tags.has(anchor.tagId)) add(placement.byTag, anchor.tagId, guid);
    else if (anchor.kind === 'text' && anchor.documentId && documents.has(anchor.documentId) && anchor.start !== null && anchor.end !== null) add(placement.textByDocument, anchor.documentId, thread);
    else if (anchor.kind === 'document' && anchor.documentId && documents.has(anchor.documentId)) add(placement.byDocument, anchor.documentId, guid);
    else placement.project.push(guid);
  }
  return placement;
}

/** The thread as one text: what it is about, then each comment with its author and date. */
function threadText(thread: ExportThread, snapshot: WorkspaceExport): string {
  const names = new Map(snapshot.members.map((member) => [member.id, member.displayName]));
  const lines = [`About (${thread.anchor.kind}): ${thread.anchor.label}`];
  if (thread.resolvedAt) lines.push(`Resolved ${thread.resolvedAt}`);
  for (const comment of thread.comments) {
    const author = (comment.authorId && names.get(comment.authorId)) ?? 'former member';
    lines.push('', `${author}, ${comment.createdAt}:`, comment.deletedAt ? '(deleted)' : comment.body);
  }
  return lines.join('\n');
}

function metadataVariables(documents: readonly ExportDocument[]): string[] {
  const names = new Set<string>();
  for (const document of documents) {
    for (const [key, name] of Object.entries(METADATA_VARIABLES) as [MetadataKey, string][]) if (document[key]) names.add(name);
    for (const name of Object.keys(document.fields)) names.add(name);
  }
  const fixed = Object.values(METADATA_VARIABLES) as string[];
  return [...fixed.filter((name) => names.has(name)), ...[...names].filter((name) => !fixed.includes(name)).sort()];
}

/** A selection's or note's name: the start of its text, on one line. */
function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : line;
}
