/**
 * Ctrl+F (Cmd+F) in the reader opens "Find in this document": the browser's own find sees only
 * the passages of a long document that are rendered. Pressed again while the Find field has
 * focus, the browser's find opens as usual.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useFindKey(inputRef: RefObject<HTMLInputElement | null>, openFind: () => void): void {
  const latest = useRef(openFind);
  useEffect(() => {
    latest.current = openFind;
  });

  useEffect(() => {
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() !== 'f' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.defaultPrevented || document.activeElement === inputRef.current || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    }
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [inputRef]);
}
