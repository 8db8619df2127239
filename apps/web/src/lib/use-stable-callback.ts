/**
 * A callback whose identity never changes but which always runs the latest code. Lets long
 * memoised lists (the reader's passages) receive handlers without re-rendering every row
 * whenever the handler's inputs change.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useStableCallback<Args extends unknown[], Result>(callback: (...args: Args) => Result): (...args: Args) => Result {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: Args) => latest.current(...args), []);
}
