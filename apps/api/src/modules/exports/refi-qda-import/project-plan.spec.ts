import { describe, expect, it } from '@jest/globals';
import { sampleExport, SAMPLE_IDS } from '../../../../test/fixtures/exports/sample-export.js';
import { collectOutput } from '../formats/collect-output.js';
import { writeQdpx } from '../formats/qdpx/qdpx.format.js';
import { writeQdc } from '../formats/qdpx/qdc.format.js';
import { planCodebook } from './codebook-plan.js';
import { planProject } from './project-plan.js';
import { readQdpx } from './qdpx-reader.js';
import { readQde } from './qde-reader.js';

const slice = (text: string, start: number, end: number): string => [...text].slice(start, end).join('');

describe('reading a .qdpx back (export, read, plan)', () => {
  it('gets documents, nested tags with their criteria, and codings at the same code point offsets', async () => {
    const snapshot = sampleExport();
    const plan = planProject(await readQdpx(await collectOutput(writeQdpx(snapshot))), 'fallback');
    expect(plan.name).toBe(snapshot.workspace.name);
    expect(plan.documents.map((document) => document.title)).toEqual(['Emoji & CJK 𠀋', 'Plain']);
    const [emoji] = plan.documents;
    expect(emoji).toMatchObject({ author: 'A. Author', source: 'The "Source"', url: 'https://example.org/a?b=1&c=2', publishedOn: '2025-05-06', language: 'en', fields: { Interviewee: 'P1', Site: 'North' } });
    const names = new Map(plan.tags.map((tag) => [tag.id, tag.name]));
    const coded = emoji!.annotations.map((a) => ({ quote: slice(emoji!.text, a.start, a.end), exact: a.exact, tags: a.tagIds.map((id) => names.get(id)).sort(), memo: a.memo, kind: a.kind }));
    expect(coded).toEqual([
      { quote: '😀 hello', exact: '😀 hello', tags: ['Greeting', 'Wave'], memo: 'Memo with <b>tags</b> & a bell\uFFFD.', kind: 'analyst' },
      { quote: '𠀋 world', exact: '𠀋 world', tags: ['Place <&>'], memo: null, kind: 'analyst' },
      { quote: 'hello', exact: 'hello', tags: ['Greeting'], memo: null, kind: 'consensus' },
    ]);
    const greeting = plan.tags.find((tag) => tag.name === 'Greeting')!;
    expect(greeting).toMatchObject({ color: 'orange', definition: 'Someone greets.', inclusion: 'Any hello.', exclusion: 'Farewells.', examples: ['hello', 'hi there'], parentId: null });
    expect(plan.tags.find((tag) => tag.name === 'Wave')!.parentId).toBe(greeting.id);
    // The thread on a text range comes back as a thread on that range; the others on their tag or the workspace.
    expect(emoji!.textThreads.map((thread) => thread.exact).sort()).toEqual(['world', '😀 hello'].sort());
    expect(plan.tagThreads).toHaveLength(1);
    expect(plan.workspaceThreads.some((body) => body.includes('# Notebook'))).toBe(true);
  });

  it('reports what it leaves out: media sources, whole-source codings, selections outside the text', () => {
    const qde = `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="Other tool" origin="QualCoder 3.5">
      <CodeBook><Codes><Code guid="${SAMPLE_IDS.tagParent}" name="A" isCodable="true"/></Codes></CodeBook>
      <Sources>
        <TextSource guid="${SAMPLE_IDS.docEmoji}" name="Inline"><PlainTextContent>Hi 😀 there\r\nyou  </PlainTextContent>
          <PlainTextSelection guid="${SAMPLE_IDS.annEmoji}" startPosition="3" endPosition="4"><Coding guid="${SAMPLE_IDS.annCjk}"><CodeRef targetGUID="${SAMPLE_IDS.tagParent}"/></Coding></PlainTextSelection>
          <PlainTextSelection guid="${SAMPLE_IDS.annConsensus}" startPosition="10" endPosition="99"><Coding guid="${SAMPLE_IDS.annCjk}"><CodeRef targetGUID="${SAMPLE_IDS.tagParent}"/></Coding></PlainTextSelection>
          <Coding guid="${SAMPLE_IDS.map}"><CodeRef targetGUID="${SAMPLE_IDS.tagParent}"/></Coding>
        </TextSource>
        <AudioSource guid="${SAMPLE_IDS.docPlain}" name="Interview.mp3"/>
      </Sources></Project>`;
    const plan = planProject(readQde(qde), 'fallback');
    expect(plan.documents[0]!.text).toBe('Hi 😀 there\nyou');
    expect(plan.documents[0]!.annotations.map((a) => a.exact)).toEqual(['😀']);
    expect(plan.skipped.map((item) => item.kind).sort()).toEqual(['audio source', 'coding', 'selection']);
    expect(plan.skipped.find((item) => item.kind === 'selection')!.reason).toMatch(/outside the text/);
  });
});

describe('graphs back into argument maps', () => {
  it('reads Marginalia’s own graph back as the same map: kinds, positions, relations, the evidence it cites', async () => {
    const snapshot = sampleExport();
    const plan = planProject(await readQdpx(await collectOutput(writeQdpx(snapshot))), 'fallback');
    expect(plan.skipped.filter((item) => item.kind.startsWith('graph'))).toEqual([]);
    expect(plan.maps).toHaveLength(1);
    const [map] = plan.maps;
    const original = snapshot.maps[0]!;
    expect(map!.title).toBe(original.title);
    const byId = new Map(map!.nodes.map((node) => [node.id, node]));
    expect(map!.nodes.map(({ kind, text, x, y }) => ({ kind, text, x, y }))).toEqual(original.nodes.map(({ kind, text, x, y }) => ({ kind, text, x: Math.round(x), y: Math.round(y) })));
    expect(map!.edges.map((edge) => [edge.kind, byId.get(edge.source)!.text, byId.get(edge.target)!.text])).toEqual(
      original.edges.map((edge) => [edge.kind, original.nodes.find((node) => node.id === edge.source)!.text, original.nodes.find((node) => node.id === edge.target)!.text]),
    );
    // The evidence node cites the coded selection it represents: the same annotation, read back.
    const evidence = map!.nodes.find((node) => node.kind === 'evidence')!.evidence!;
    const document = plan.documents[evidence.documentIndex]!;
    expect(document.annotations[evidence.annotationIndex!]).toMatchObject({ start: 5, end: 12, exact: '😀 hello' });
    expect(evidence).toMatchObject({ start: 5, end: 12, exact: '😀 hello' });
  });

  it('imports a network from another tool, saying what it changed or left out', () => {
    const guid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
    const qde = `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="Atlas" origin="ATLAS.ti 23">
      <CodeBook><Codes><Code guid="${guid(1)}" name="Trust" isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="${guid(2)}" name="Interview"><PlainTextContent>We trust the council.</PlainTextContent>
        <PlainTextSelection guid="${guid(3)}" startPosition="3" endPosition="8"><Coding guid="${guid(4)}"><CodeRef targetGUID="${guid(1)}"/></Coding></PlainTextSelection>
      </TextSource></Sources>
      <Graphs><Graph guid="${guid(5)}" name="Network">
        <Vertex guid="${guid(6)}" representedGUID="${guid(1)}" firstX="10" firstY="20" shape="Person"/>
        <Vertex guid="${guid(7)}" representedGUID="${guid(3)}" name="" firstX="30" firstY="40"/>
        <Vertex guid="${guid(8)}" name="Doubt" firstX="50" firstY="60" shape="Note"/>
        <Edge guid="${guid(9)}" name="is cause of" sourceVertex="${guid(7)}" targetVertex="${guid(6)}"/>
        <Edge guid="${guid(10)}" name="contradicts" sourceVertex="${guid(8)}" targetVertex="${guid(6)}" lineStyle="dashed"/>
        <Edge guid="${guid(11)}" name="supports" sourceVertex="${guid(8)}" targetVertex="${guid(99)}"/>
      </Graph><Graph guid="${guid(12)}" name="Empty"/></Graphs></Project>`;
    const plan = planProject(readQde(qde), 'fallback');
    expect(plan.maps).toHaveLength(1);
    const [map] = plan.maps;
    expect(map!.nodes.map(({ id, kind, text, x, y }) => ({ id, kind, text, x, y }))).toEqual([
      { id: guid(6), kind: 'claim', text: 'Trust', x: 10, y: 20 },
      { id: guid(7), kind: 'evidence', text: 'trust', x: 30, y: 40 },
      { id: guid(8), kind: 'evidence', text: 'Doubt', x: 50, y: 60 },
    ]);
    expect(map!.nodes[1]!.evidence).toEqual({ documentIndex: 0, annotationIndex: 0, start: 3, end: 8, exact: 'trust' });
    expect(map!.edges.map((edge) => [edge.kind, edge.source, edge.target])).toEqual([
      ['supports', guid(7), guid(6)],
      ['opposes', guid(8), guid(6)],
    ]);
    expect(plan.skipped.map((item) => [item.kind, item.reason])).toEqual([
      ['graph edge', 'Marginalia has no relation “is cause of”: imported as supports'],
      ['graph edge', 'Marginalia has no relation “contradicts”: imported as opposes'],
      ['graph edge', 'it joins a vertex that is not in the graph'],
      ['graph vertex', 'Marginalia has no node drawn as “Person”: imported as a claim'],
      ['graph', 'it has no vertices'],
    ]);
  });
});

describe('codebook (.qdc) round trip and merge', () => {
  it('reads back what it wrote, and merges codes into tags of the same name under the same parent', () => {
    const snapshot = sampleExport();
    const codes = readQde(writeQdc(snapshot)).codes;
    const fresh = planCodebook(codes);
    expect(fresh.tags.map((tag) => tag.name)).toEqual(['Greeting', 'Wave', 'Place <&>']);
    const merged = planCodebook(codes, [{ id: SAMPLE_IDS.tagOther, parentId: null, name: 'greeting', position: 0 }]);
    expect(merged.merged).toBe(1);
    expect(merged.tags.map((tag) => [tag.name, tag.parentId, tag.position])).toEqual([
      ['Wave', SAMPLE_IDS.tagOther, 0],
      ['Place <&>', null, 1],
    ]);
  });

  it('refuses XML that is not REFI-QDA and never resolves external entities', () => {
    expect(() => readQde('<html><body/></html>')).toThrow(/not a REFI-QDA/);
    const xxe = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><CodeBook><Codes><Code guid="${SAMPLE_IDS.tagParent}" name="&x;" isCodable="true"/></Codes></CodeBook>`;
    expect(readQde(xxe).codes[0]!.name).not.toContain('root:');
  });
});
