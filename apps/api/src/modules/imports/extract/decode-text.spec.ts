import { describe, expect, it } from '@jest/globals';
import iconv from 'iconv-lite';
import { decodeText } from './decode-text.js';
import { fixture } from './fixtures.js';
import { ImportRejection } from './rejection.js';

describe('decodeText', () => {
  it.each([
    ['utf8.txt', 'UTF-8', 'Ms. Müller said'],
    ['utf8-bom.txt', 'UTF-8', 'Notes with a byte order mark\r\n'],
    ['utf16le.txt', 'UTF-16LE', 'In Łódź, near the old textile mills — café'],
    ['windows-1252.txt', 'WINDOWS-1252', '“This is the best crème brûlée in town — and it costs only 5 €.”'],
    ['gbk.txt', 'GB18030', '国家安全部周一公布了新的反间谍安全规定'],
    ['astral.txt', 'UTF-8', 'The 🐉 dragon boat 𠀋 festival'],
  ])('reads %s as %s', (file, encoding, excerpt) => {
    const decoded = decodeText(fixture(file));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toContain(excerpt);
    expect(decoded.text.startsWith('\uFEFF')).toBe(false);
  });

  it('reads UTF-16 big-endian, with and without a byte order mark', () => {
    const text = 'Grüße aus Köln, a long enough line of text to be sure.';
    const bigEndian = Buffer.from(text, 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian])).text).toBe(text);
    expect(decodeText(bigEndian)).toEqual({ text, encoding: 'UTF-16BE' });
    expect(decodeText(Buffer.from(text, 'utf16le'))).toEqual({ text, encoding: 'UTF-16LE' });
  });

  it('reads Big5 and Shift_JIS as far as detection allows', () => {
    const chinese = '中華民國的國家安全局今天發表聲明，呼籲民眾提高警覺，注意可疑的間諜活動。專家認為，這項措施反映了政府對安全問題的重視。';
    expect(decodeText(iconv.encode(chinese.repeat(3), 'big5')).text).toBe(chinese.repeat(3));
    const japanese = '日本の公安調査庁は、スパイ活動に関する新しい報告書を発表しました。専門家によると、この報告書は国民の警戒を促すものです。';
    expect(decodeText(iconv.encode(japanese.repeat(3), 'shift_jis')).text).toBe(japanese.repeat(3));
  });

  it('reads invalid UTF-8 as the legacy encoding it most likely is, without crashing', () => {
    const decoded = decodeText(fixture('invalid-utf8.txt'));
    expect(decoded.encoding).toBe('WINDOWS-1252');
    expect(decoded.text).toContain('Broken bytes follow: ');
    expect(decoded.text).toContain(' and then plain text again.');
  });

  it('keeps UTF-8 with a stray bad byte as UTF-8', () => {
    const text = Buffer.concat([Buffer.from('Grüße, café, naïve, déjà vu, façade, jalapeño, smörgåsbord '), Buffer.from([0xff]), Buffer.from(' the end')]);
    const decoded = decodeText(text);
    expect(decoded.encoding).toBe('UTF-8');
    expect(decoded.text).toContain('smörgåsbord \uFFFD the end');
  });

  it('refuses binary data', () => {
    const binary = Buffer.from(Array.from({ length: 4000 }, (_, index) => (index * 7919) % 256));
    expect(() => decodeText(binary)).toThrow(ImportRejection);
    expect(() => decodeText(binary)).toThrow(/does not look like text/);
  });
});
