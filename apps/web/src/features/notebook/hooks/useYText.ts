/** The current string of a Y.Text, re-rendering on every change (local or remote). */
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

export function useYText(text: Y.Text): string {
  const subscribe = useCallback(
    (onChange: () => void) => {
      text.observe(onChange);
      return () => {
        text.unobserve(onChange);
      };
    },
    [text],
  );
  return useSyncExternalStore(subscribe, () => text.toJSON());
}
