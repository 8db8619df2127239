/**
 * Runs every registered reader layer for the document and gathers what they return: one list of
 * highlights, the margin items by the passage they start in, the selection actions, the
 * controls above the text, and the overlays. The registry is a fixed list, so calling each
 * layer's hook in a loop keeps React's rule that hooks run in the same order on every render.
 */
import { useContext, useMemo, useState, type ReactNode } from 'react';
import { passageIndexAt, type PassageSpan } from '../reader-model';
import { ReaderLayersContext, type LayerHighlight, type MarginItem, type ReaderLayerContext, type SelectionAction } from './reader-layer';

export interface ReaderLayersResult {
  highlights: readonly LayerHighlight[];
  marginByPassage: ReadonlyMap<number, readonly MarginItem[]>;
  selectionActions: readonly SelectionAction[];
  overlays: ReactNode[];
  controls: ReactNode[];
  /** Some layer is still loading what it paints. */
  pending: boolean;
}

export function useReaderLayers(context: ReaderLayerContext, passages: readonly PassageSpan[]): ReaderLayersResult {
  const layers = useContext(ReaderLayersContext);
  // A fixed list: the same hooks in the same order on every render.
  const outputs = layers.map((layer) => ({ id: layer.id, output: layer.useLayer(context) }));

  // Recomputed only when some layer's lists change (layers memoise what they return).
  const highlightLists = useSameItems(outputs.map(({ output }) => output.highlights));
  const marginLists = useSameItems(outputs.map(({ output }) => output.marginItems));
  const highlights = useMemo(() => highlightLists.flat(), [highlightLists]);
  const marginByPassage = useKeptBuckets(
    useMemo(() => {
      const byPassage = new Map<number, MarginItem[]>();
      for (const items of marginLists) {
        for (const item of items ?? []) {
          const index = passageIndexAt(passages, item.start);
          const bucket = byPassage.get(index);
          if (bucket) bucket.push(item);
          else byPassage.set(index, [item]);
        }
      }
      return byPassage;
    }, [passages, marginLists]),
  );
  return {
    highlights,
    marginByPassage,
    selectionActions: outputs.flatMap(({ output }) => output.selectionActions ?? []),
    overlays: outputs.map(({ id, output }) => <LayerOverlay key={id}>{output.overlay}</LayerOverlay>),
    pending: outputs.some(({ output }) => output.pending === true),
    controls: outputs.flatMap(({ id, output }) => (output.controls ? [<LayerOverlay key={id}>{output.controls}</LayerOverlay>] : [])),
  };
}

/** The previous array while its items are the same objects, so memos keyed on it hold. */
function useSameItems<T>(items: T[]): T[] {
  const [kept, setKept] = useState(items);
  const same = kept.length === items.length && kept.every((item, index) => item === items[index]);
  if (same) return kept;
  // Adjusting state while rendering: React renders again at once with the new list.
  setKept(items);
  return items;
}

/**
 * `fresh` with every passage whose items are the same objects as before keeping its old list, so
 * that a change (a filter, a colleague's tagging) renders again only the passages it touches.
 */
function useKeptBuckets(fresh: ReadonlyMap<number, readonly MarginItem[]>): ReadonlyMap<number, readonly MarginItem[]> {
  const [kept, setKept] = useState({ fresh, merged: fresh });
  if (kept.fresh === fresh) return kept.merged;
  const merged = new Map(fresh);
  for (const [index, bucket] of fresh) {
    const before = kept.merged.get(index);
    if (before && before.length === bucket.length && before.every((item, i) => item === bucket[i])) merged.set(index, before);
  }
  // Adjusting state while rendering, as useSameItems does.
  setKept({ fresh, merged });
  return merged;
}

function LayerOverlay({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
