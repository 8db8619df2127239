/**
 * Whether one-key shortcuts (j, k, /, c, a, ?) are on, per browser (WCAG 2.1.4: a person using
 * speech input or with tremor must be able to turn them off). Kept in localStorage and shared by
 * every tab of the browser; shortcuts with Ctrl or Cmd are not affected.
 */
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'marginalia.singleKeyShortcuts';
const listeners = new Set<() => void>();

export function singleKeyShortcutsEnabled(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setSingleKeyShortcutsEnabled(enabled: boolean): void {
  try {
    if (enabled) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, 'off');
  } catch {
    // Storage refused (private mode): the choice lasts until the page is reloaded.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useSingleKeyShortcuts(): boolean {
  return useSyncExternalStore(subscribe, singleKeyShortcutsEnabled);
}
