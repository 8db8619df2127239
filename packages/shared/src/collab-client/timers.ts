/**
 * setTimeout and clearTimeout exist in browsers and Node alike, but this package compiles
 * against neither the DOM nor Node typings (the API and the browser both import it).
 */
export type Timer = { readonly __timer: unique symbol };

interface TimerGlobals {
  setTimeout(callback: () => void, ms: number): Timer;
  clearTimeout(timer: Timer): void;
}

const timers = globalThis as unknown as TimerGlobals;

export function startTimer(callback: () => void, ms: number): Timer {
  return timers.setTimeout(callback, ms);
}

export function stopTimer(timer: Timer | null): void {
  if (timer !== null) timers.clearTimeout(timer);
}
