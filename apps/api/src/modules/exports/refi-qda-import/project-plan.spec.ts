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
