import { describe, expect, it } from '@jest/globals';
import { fixture } from './fixtures.js';
import { ZipArchive, isIgnoredEntry } from './zip.js';

const MB = 1024 * 1024;

describe('ZipArchive', () => {
  it('lists files, skipping directories, __MACOSX and dotfiles', async () => {
    const archive = await ZipArchive.open(fixture('batch.zip'));
    try {
      expect(archive.entries.map((entry) => entry.path)).toEqual(['letters/first.txt', 'letters/second.md', 'letters/ünïcode name.txt', 'inner.zip', 'photo.png', 'memo.docx']);
      expect((await archive.read(archive.entries[0]!)).toString()).toContain('Dear editor');
    } finally {
      archive.close();
    }
  });

  it('lists at most maxEntries and counts the rest', async () => {
    const archive = await ZipArchive.open(fixture('batch.zip'), { maxEntryBytes: MB, maxTotalBytes: MB, maxEntries: 2 });
    expect(archive.entries).toHaveLength(2);
    expect(archive.omitted).toBe(4);
    archive.close();
  });

  it('stops inflating an entry that lies about its size once it passes the per-file limit', async () => {
    const archive = await ZipArchive.open(fixture('bomb-entry.zip'));
    const [bomb] = archive.entries;
    expect(bomb?.declaredSize).toBe(1024);
    const before = process.memoryUsage().arrayBuffers;
    await expect(archive.read(bomb!)).rejects.toMatchObject({ reason: 'too_large', detail: 'the file unpacks to more than 20 MB (the limit for one file)' });
    // The 21 MB were never held at once beyond the 20 MB limit (chunks are dropped on refusal).
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * MB);
    archive.close();
  });

  it('stops when the archive as a whole passes its limit, and refuses every entry after', async () => {
    const archive = await ZipArchive.open(fixture('bomb-total.zip'), { maxEntryBytes: 20 * MB, maxTotalBytes: 50 * MB, maxEntries: 200 });
    const outcomes: string[] = [];
    for (const entry of archive.entries) {
      outcomes.push(await archive.read(entry).then(() => 'read', (error: { reason: string }) => error.reason));
    }
    expect(outcomes).toEqual(['read', 'read', ...Array.from({ length: 9 }, () => 'limit_exceeded')]);
    archive.close();
  });

  it('refuses encrypted entries and damaged archives as unreadable', async () => {
    const encrypted = await ZipArchive.open(fixture('encrypted.zip'));
    await expect(encrypted.read(encrypted.entries[0]!)).rejects.toMatchObject({ reason: 'unreadable', detail: expect.stringMatching(/encrypted/) });
    encrypted.close();
    await expect(ZipArchive.open(fixture('corrupt.zip'))).rejects.toMatchObject({ reason: 'unreadable', detail: expect.stringMatching(/damaged or not a ZIP/) });
  });

  it.each([
    ['folder/', true],
    ['__MACOSX/._a.txt', true],
    ['.DS_Store', true],
    ['docs/.hidden/a.txt', true],
    ['docs/a.txt', false],
  ])('isIgnoredEntry(%s) is %s', (path, ignored) => {
    expect(isIgnoredEntry(path)).toBe(ignored);
  });
});
