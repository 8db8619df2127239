/**
 * Single-key shortcuts for a screen (j, k, /, ?). They never fire while the person types in a
 * field or holds a modifier, so they cannot eat text or the browser's own shortcuts, nor when the
 * person has turned one-key shortcuts off (Account, single-key-shortcuts.ts).
 */
import { useEffect, useRef } from 'react';
import { singleKeyShortcutsEnabled } from './single-key-shortcuts';

/** Returning false declines the key: it then keeps its default action (e.g. arrows scroll). */
export type ShortcutHandler = (event: KeyboardEvent) => boolean | void;

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(target.type);
  return false;
}

/** `shortcuts` maps `event.key` values to handlers; the latest handlers are always used. */
export function useShortcuts(shortcuts: Record<string, ShortcutHandler>, enabled = true): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });

  useEffect(() => {
    if (!enabled) return;
    function handleKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      // Arrows keep working (they move between passages only where the page would not scroll).
      if (event.key.length === 1 && !singleKeyShortcutsEnabled()) return;
      if (isTypingTarget(event.target)) return;
      // A modal dialog owns the keyboard while it is open.
      if (document.querySelector('dialog[open]')) return;
      const handler = latest.current[event.key];
      if (!handler) return;
      if (handler(event) !== false) event.preventDefault();
    }
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [enabled]);
}
