import { describe, expect, it } from '@jest/globals';
import { GroupCommit, Withdrawn } from './group-commit.js';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('GroupCommit', () => {
  it('writes items added in the same turn as one batch', async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit<number>(async (items) => {
      batches.push(items);
    });
    await Promise.all([commit.add(1), commit.add(2), commit.add(3)]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('batches items that arrive while a write is in flight, and resolves each only after its own write', async () => {
    const writes: { items: number[]; done: ReturnType<typeof deferred> }[] = [];
    const commit = new GroupCommit<number>((items) => {
      const done = deferred();
      writes.push({ items, done });
      return done.promise;
    });
    const settled: number[] = [];
    const first = commit.add(1).then(() => settled.push(1));
    await new Promise((resolve) => setImmediate(resolve));
    const second = commit.add(2).then(() => settled.push(2));
    const third = commit.add(3).then(() => settled.push(3));
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes.map((write) => write.items)).toEqual([[1]]);
    expect(settled).toEqual([]);
    writes[0]!.done.resolve();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes.map((write) => write.items)).toEqual([[1], [2, 3]]);
    expect(settled).toEqual([1]);
    writes[1]!.done.resolve();
    await Promise.all([second, third]);
    expect(settled).toEqual([1, 2, 3]);
  });

  it('rejects every item of a failed batch and keeps serving later ones', async () => {
    let fail = true;
    const commit = new GroupCommit<number>(async () => {
      if (fail) throw new Error('database down');
    });
    const results = await Promise.allSettled([commit.add(1), commit.add(2)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(commit.add(3)).resolves.toBeUndefined();
  });

  it('splits a long queue into batches of at most maxBatch', async () => {
    const sizes: number[] = [];
    const commit = new GroupCommit<number>(async (items) => {
      sizes.push(items.length);
    }, 10);
    await Promise.all(Array.from({ length: 25 }, (_, index) => commit.add(index)));
    expect(sizes).toEqual([10, 10, 5]);
    await commit.drained();
  });

  it('never writes an item withdrawn while it waited: it is rejected with Withdrawn', async () => {
    const written: number[][] = [];
    const withdrawn = new Set<number>();
    const first = deferred();
    const commit = new GroupCommit<number>(
      (items) => {
        written.push(items);
        return written.length === 1 ? first.promise : Promise.resolve();
      },
      2000,
      (item) => withdrawn.has(item),
    );
    const one = commit.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    // 2 and 3 wait behind the write of 1; 2 is withdrawn before their turn (as after 1 failed).
    const two = commit.add(2);
    const three = commit.add(3);
    withdrawn.add(2);
    first.reject(new Error('database down'));
    await expect(one).rejects.toThrow('database down');
    await expect(two).rejects.toBeInstanceOf(Withdrawn);
    await expect(three).resolves.toBeUndefined();
    expect(written).toEqual([[1], [3]]);
  });
});
