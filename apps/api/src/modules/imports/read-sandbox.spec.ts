/**
 * The read workers' limits, on the compiled worker (dist/, built by the test script): a read
 * that overruns its deadline or its heap is refused with its reason, its worker is replaced,
 * and the next file is read as usual.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { ReadSandbox } from './read-sandbox.js';
import { decodePassages } from './read-worker-protocol.js';

/** A new buffer each time: a read takes its bytes over (they are transferred to the worker). */
const nestedList = (): Buffer => Buffer.from(`# Lists\n\n${'- item\n  - nested item\n'.repeat(50_000)}`);
const SMALL = { format: 'text' as const, name: 'note.txt', mediaType: null };

describe('ReadSandbox', () => {
  let sandbox: ReadSandbox;
  afterEach(async () => {
    await sandbox.close();
  });

  it('reads, titles and segments a file in a worker', async () => {
    sandbox = new ReadSandbox({ deadlineMs: 20_000, maxHeapMb: 256 });
    const read = await sandbox.read({ ...SMALL, content: Buffer.from('Harbour notes\n\nThe crane rota had not changed. Nobody disagreed.\n') });
    expect(read).toMatchObject({ title: 'Harbour notes', titleProposed: true, characterCount: 64 });
    expect(decodePassages(read.passages!)).toEqual([
      { index: 0, start: 0, end: 13, sentences: [{ start: 0, end: 13 }] },
      { index: 1, start: 15, end: 64, sentences: [{ start: 15, end: 46 }, { start: 47, end: 64 }] },
    ]);
  });

  it('refuses a file that overruns the deadline, replaces the worker, and reads the next file', async () => {
    sandbox = new ReadSandbox({ deadlineMs: 200, maxHeapMb: 256 });
    await expect(sandbox.read({ format: 'markdown', name: 'list.md', mediaType: null, content: nestedList() })).rejects.toMatchObject({
      reason: 'too_slow',
      detail: expect.stringMatching(/^the file took too long to read \(more than 0\.2 s\)/),
    });
    expect(sandbox.replacedWorkers).toBe(1);
    await expect(sandbox.read({ ...SMALL, content: Buffer.from('Still here.') })).resolves.toMatchObject({ text: 'Still here.' });
  });

  it('refuses a file whose reading exhausts the heap cap, and reads the next file', async () => {
    sandbox = new ReadSandbox({ deadlineMs: 60_000, maxHeapMb: 32 });
    await expect(sandbox.read({ format: 'markdown', name: 'list.md', mediaType: null, content: nestedList() })).rejects.toMatchObject({
      reason: 'too_complex',
      detail: expect.stringMatching(/^the file is too complex to read: reading it needed more than 32 MB of memory/),
    });
    expect(sandbox.replacedWorkers).toBe(1);
    await expect(sandbox.read({ ...SMALL, content: Buffer.from('Still here.') })).resolves.toMatchObject({ text: 'Still here.' });
  });

  it('refuses a damaged file as unreadable and reports what the library said', async () => {
    const failures: string[] = [];
    sandbox = new ReadSandbox({ deadlineMs: 20_000, maxHeapMb: 256, onUnreadable: (name, cause) => failures.push(`${name}: ${cause}`) });
    await expect(sandbox.read({ format: 'pasted', name: 'Pasted text', mediaType: null, content: Buffer.from('{not json') })).rejects.toMatchObject({ reason: 'unreadable' });
    expect(failures).toEqual([expect.stringMatching(/^Pasted text: /)]);
    expect(sandbox.replacedWorkers).toBe(0);
  });
});
