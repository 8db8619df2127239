import { describe, expect, it } from '@jest/globals';
import { detectFormat, fileExtension } from './detect-format.js';
import { fixture } from './fixtures.js';

const head = (text: string): Buffer => Buffer.from(text);

describe('detectFormat', () => {
  it.each([
    ['notes.TXT', null, head('hello'), 'text'],
    ['notes.md', null, head('# hi'), 'markdown'],
    ['page.htm', null, head('<p>hi'), 'html'],
    ['report.pdf', null, fixture('report.pdf'), 'pdf'],
    ['memo.docx', null, fixture('memo.docx'), 'docx'],
    ['batch.zip', null, fixture('batch.zip'), 'zip'],
    // The bytes win when they are unambiguous.
    ['report.txt', null, fixture('report.pdf'), 'pdf'],
    // No extension: the media type, then a look at the bytes.
    ['README', 'text/markdown; charset=utf-8', head('# hi'), 'markdown'],
    ['download', 'application/octet-stream', head('<!DOCTYPE html><html>'), 'html'],
    ['download', null, head('plain words'), 'text'],
    ['empty.txt', null, Buffer.alloc(0), 'text'],
  ])('%s (%s) is %s', (name, mediaType, bytes, format) => {
    expect(detectFormat(name, mediaType, bytes)).toBe(format);
  });

  it.each([
    ['report.exe', fixture('report.exe'), 'unsupported_type', 'unsupported file type (.exe); Marginalia imports .txt, .md, .html, .pdf, .docx and .zip'],
    ['letter.doc', head('x'), 'unsupported_type', /\(\.doc\)/],
    ['photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'unsupported_type', /looks like a PNG image/],
    ['fake.pdf', head('hello'), 'unreadable', /not a valid PDF/],
    ['fake.docx', head('hello'), 'unreadable', /not a valid DOCX/],
    ['archive.txt', fixture('batch.zip'), 'unsupported_type', /looks like a ZIP archive/],
  ])('refuses %s', (name, bytes, reason, detail) => {
    let error: unknown;
    try {
      detectFormat(name, null, bytes);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ reason, detail: typeof detail === 'string' ? detail : expect.stringMatching(detail) });
  });

  it('takes the extension of the last path segment only', () => {
    expect(fileExtension('archive.zip/folder.d/notes')).toBeNull();
    expect(fileExtension('archive.zip/folder/notes.Md')).toBe('md');
    expect(fileExtension('.bashrc')).toBeNull();
  });
});
