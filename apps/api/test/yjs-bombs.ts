/**
 * Valid Yjs updates that are expensive to apply, for tests of the sandbox's deadline and
 * heap cap. None of yjs's historical hang/OOM regressions (#498, #687) still hangs with the
 * pinned yjs (they throw at once), so this crafts a real one instead.
 *
 * Applying an update runs, for every type it changed that existed before, a walk from that
 * type up to the root (callTypeObservers), collecting one event per level. Given `depth`
 * arrays nested in one another (`setup`), an update that adds one element to each of them
 * (`bomb`) costs O(depth²) time and memory on whoever applies it. Building both here costs
 * O(depth): they come from one transaction in which every array is new, then are split by
 * state vector.
 */
import * as Y from 'yjs';

export interface NestingBomb {
  /** Creates the nested arrays: cheap to apply, and harmless once applied. */
  setup: Uint8Array;
  /** Adds one element to each nested array: quadratic to apply after `setup`. */
  bomb: Uint8Array;
}

export function nestingBomb(depth: number, root = 'nested'): NestingBomb {
  const clientID = 0x5eed;
  const build = (withElements: boolean): Y.Doc => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    doc.transact(() => {
      const levels: Y.Array<unknown>[] = [];
      let parent = doc.getArray(root);
      for (let level = 0; level < depth; level++) {
        const child = new Y.Array<unknown>();
        parent.insert(0, [child]);
        levels.push(child);
        parent = child;
      }
      if (withElements) for (const level of levels) level.insert(level.length, [1]);
    });
    return doc;
  };
  const nestedOnly = build(false);
  const withElements = build(true);
  const setup = Y.encodeStateAsUpdate(nestedOnly);
  const bomb = Y.diffUpdate(Y.encodeStateAsUpdate(withElements), Y.encodeStateVector(nestedOnly));
  nestedOnly.destroy();
  withElements.destroy();
  return { setup, bomb };
}
