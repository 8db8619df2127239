/**
 * Reads REFI-QDA XML (a project.qde, or a .qdc codebook whose CodeBook has the same Codes) with
 * htmlparser2's streaming parser in XML mode: no DTDs, no external entities, only the five
 * predefined entities and character references are decoded, so a hostile file cannot reach
 * the network or the disk or expand an entity bomb. Element count is capped. Untrusted input:
 * run in a read worker (qdpx-read-worker.ts) under a deadline and a heap cap.
 *
 * Only what Marginalia can hold is kept; the rest (picture, PDF, audio and video sources,
 * cases, sets, links, whole-source codings) is listed in `skipped` for the report. Graphs are
 * read as they are drawn (vertices, edges); graph-plan.ts decides what becomes of them.
 */
import { Parser } from 'htmlparser2';
import type { QdeCode, QdeGraph, QdeNote, QdeProject, QdeSelection, QdeTextSource } from './qde-model.js';

export const MAX_QDE_ELEMENTS = 2_000_000;

export class QdeUnreadable extends Error {}

const MEDIA_SOURCES: Record<string, string> = { PictureSource: 'picture', PDFSource: 'PDF', AudioSource: 'audio', VideoSource: 'video' };
const IGNORED_SECTIONS: Record<string, string> = { Cases: 'case', Sets: 'set', Links: 'link' };
const ITEM_OF_SECTION: Record<string, string> = { Cases: 'Case', Sets: 'Set', Links: 'Link' };

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

function integer(value: string | undefined): number | null {
  if (value === undefined || !/^\s*-?\d+\s*$/.test(value)) return null;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : null;
}

export function readQde(xml: string): QdeProject {
  const project: QdeProject = { name: '', description: '', origin: '', codes: [], variables: [], sources: [], notes: [], projectNoteRefs: [], graphs: [], skipped: [] };
  const stack: string[] = [];
  const codeStack: QdeCode[] = [];
  let source: QdeTextSource | null = null;
  let selection: QdeSelection | null = null;
  let note: QdeNote | null = null;
  let graph: QdeGraph | null = null;
  let variableRef: string | null = null;
  let sawRoot = false;
  let elements = 0;
  let text: string[] | null = null;

  const parent = (depth = 1): string | undefined => stack[stack.length - 1 - depth];

  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        elements += 1;
        if (elements > MAX_QDE_ELEMENTS) throw new QdeUnreadable(`the project has more than ${MAX_QDE_ELEMENTS.toLocaleString('en')} XML elements`);
        const name = local(rawName);
        const attr = (key: string): string | undefined => attributes[key];
        const within = stack.at(-1);
        stack.push(name);
        if (stack.length === 1) {
          sawRoot = true;
          if (name !== 'Project' && name !== 'CodeBook') throw new QdeUnreadable(`the root element is <${name}>, not a REFI-QDA <Project> or <CodeBook>`);
          project.name = attr('name') ?? '';
          project.origin = attr('origin') ?? '';
          return;
        }
        if (IGNORED_SECTIONS[within ?? ''] && name === ITEM_OF_SECTION[within ?? '']) {
          project.skipped.push({ kind: IGNORED_SECTIONS[within!]!, name: attr('name') ?? '', reason: `${IGNORED_SECTIONS[within!]}s are not imported` });
          return;
        }
        switch (name) {
          case 'Code': {
            if (within !== 'Codes' && within !== 'Code') return;
            const code: QdeCode = { guid: attr('guid') ?? '', name: attr('name') ?? '', color: attr('color'), description: '', parentGuid: codeStack.at(-1)?.guid ?? null, noteRefs: [] };
            project.codes.push(code);
            codeStack.push(code);
            return;
          }
          case 'Variable':
            if (within === 'Variables') project.variables.push([attr('guid') ?? '', attr('name') ?? '']);
            return;
          case 'Graph':
            if (within === 'Graphs') graph = { guid: attr('guid') ?? '', name: attr('name') ?? '', vertices: [], edges: [] };
            return;
          case 'Vertex': {
            if (!graph || within !== 'Graph') return;
            const x = integer(attr('firstX'));
            const y = integer(attr('firstY'));
            if (x === null || y === null) {
              project.skipped.push({ kind: 'graph vertex', name: attr('name') ?? '', reason: 'its position is not a number' });
              return;
            }
            graph.vertices.push({ guid: attr('guid') ?? '', name: attr('name') ?? '', x, y, shape: attr('shape') ?? null, representedGuid: attr('representedGUID') ?? null });
            return;
          }
          case 'Edge':
            if (graph && within === 'Graph') {
              graph.edges.push({ guid: attr('guid') ?? '', name: attr('name') ?? '', sourceGuid: attr('sourceVertex') ?? '', targetGuid: attr('targetVertex') ?? '', lineStyle: attr('lineStyle') ?? null });
            }
            return;
          case 'TextSource':
            if (within !== 'Sources') return;
            source = { guid: attr('guid') ?? '', name: attr('name') ?? '', content: null, plainTextPath: attr('plainTextPath') ?? null, richTextPath: attr('richTextPath') ?? null, creationDateTime: attr('creationDateTime') ?? null, selections: [], sourceCodeRefs: [], noteRefs: [], variables: [] };
            return;
          case 'PlainTextSelection': {
            if (!source || within !== 'TextSource') return;
            const start = integer(attr('startPosition'));
            const end = integer(attr('endPosition'));
            if (start === null || end === null) {
              project.skipped.push({ kind: 'selection', name: attr('name') ?? '', reason: 'its start or end position is not a number' });
              return;
            }
            selection = { guid: attr('guid') ?? '', name: attr('name') ?? '', start, end, description: '', codeRefs: [], noteRefs: [] };
            return;
          }
          case 'CodeRef': {
            const target = attr('targetGUID');
            if (!target || within !== 'Coding') return;
            if (selection && parent(2) === 'PlainTextSelection') selection.codeRefs.push(target);
            else if (source && parent(2) === 'TextSource') source.sourceCodeRefs.push(target);
            return;
          }
          case 'NoteRef': {
            const target = attr('targetGUID');
            if (!target) return;
            if (within === 'PlainTextSelection' && selection) selection.noteRefs.push(target);
            else if (within === 'TextSource' && source) source.noteRefs.push(target);
            else if (within === 'Code' && codeStack.length > 0) codeStack.at(-1)!.noteRefs.push(target);
            else if (within === 'Project') project.projectNoteRefs.push(target);
            return;
          }
          case 'VariableRef':
            if (within === 'VariableValue') variableRef = attr('targetGUID') ?? null;
            return;
          case 'Note':
            if (within === 'Notes') note = { guid: attr('guid') ?? '', name: attr('name') ?? '', content: null, plainTextPath: attr('plainTextPath') ?? null };
            return;
          case 'Description':
          case 'PlainTextContent':
          case 'TextValue':
          case 'BooleanValue':
          case 'IntegerValue':
          case 'FloatValue':
          case 'DateValue':
          case 'DateTimeValue':
            text = [];
            return;
          default:
            if (within === 'Sources' && MEDIA_SOURCES[name]) {
              project.skipped.push({ kind: `${MEDIA_SOURCES[name]} source`, name: attr('name') ?? '', reason: `${MEDIA_SOURCES[name]} sources are not imported: Marginalia holds text documents only` });
            }
        }
      },
      ontext(data) {
        text?.push(data);
      },
      onclosetag(rawName) {
        const name = local(rawName);
        stack.pop();
        const within = stack.at(-1);
        const value = text?.join('') ?? '';
        switch (name) {
          case 'Code':
            if (codeStack.length > 0 && (within === 'Codes' || within === 'Code')) codeStack.pop();
            return;
          case 'TextSource':
            if (source && within === 'Sources') {
              if (source.sourceCodeRefs.length > 0) project.skipped.push({ kind: 'coding', name: source.name, reason: `${source.sourceCodeRefs.length} coding(s) of the whole source: Marginalia codes passages, not whole documents` });
              project.sources.push(source);
              source = null;
            }
            return;
          case 'PlainTextSelection':
            if (source && selection && within === 'TextSource') {
              source.selections.push(selection);
              selection = null;
            }
            return;
          case 'Note':
            if (note && within === 'Notes') {
              project.notes.push(note);
              note = null;
            }
            return;
          case 'Graph':
            if (graph && within === 'Graphs') {
              project.graphs.push(graph);
              graph = null;
            }
            return;
          case 'Description':
            text = null;
            if (within === 'PlainTextSelection' && selection) selection.description = value;
            else if (within === 'Code' && codeStack.length > 0) codeStack.at(-1)!.description = value;
            else if (within === 'Project') project.description = value;
            return;
          case 'PlainTextContent':
            text = null;
            if (within === 'TextSource' && source) source.content = value;
            else if (within === 'Note' && note) note.content = value;
            return;
          case 'VariableValue':
            variableRef = null;
            return;
          default:
            if (text !== null && within === 'VariableValue') {
              if (source && variableRef) source.variables.push([variableRef, value]);
              text = null;
            }
        }
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(xml);
  parser.end();
  if (!sawRoot) throw new QdeUnreadable('the file has no XML root element');
  return project;
}
