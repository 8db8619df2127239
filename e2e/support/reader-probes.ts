/**
 * What the reader benchmark measures inside the page. Each function runs in Chromium (through
 * addInitScript or evaluate), so it may use only the DOM and what it is passed.
 */

declare global {
  interface Window {
    __readerBench?: { longTasks: Array<{ start: number; duration: number }>; firstPassageAt: number | null };
  }
}

/** Installed before the app's scripts: long tasks, and when passage 1 is first on screen. */
export function installLoadProbe(): void {
  const bench = { longTasks: [] as Array<{ start: number; duration: number }>, firstPassageAt: null as number | null };
  window.__readerBench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const poll = () => {
    const passage = document.getElementById('p-1');
    const rect = passage?.getBoundingClientRect();
    if (rect && rect.height > 0 && rect.top < window.innerHeight && rect.bottom > 0 && (passage?.textContent ?? '').length > 0) {
      bench.firstPassageAt = performance.now();
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** Resolves once the page has not scrolled or changed height for `frames` frames in a row. */
export function waitForStillness(frames: number): Promise<void> {
  return new Promise((resolve) => {
    let last = '';
    let still = 0;
    const tick = () => {
      const now = `${String(window.scrollY)}|${String(document.documentElement.scrollHeight)}`;
      still = now === last ? still + 1 : 0;
      last = now;
      if (still >= frames) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * How far passage `number` is from where the reader means to put it: its top at its own
 * scroll-margin-top below the top of the window, or, when the page cannot scroll that far,
 * wholly on screen. 0 is exact.
 */
export function landingError(number: number): number {
  const element = document.getElementById(`p-${String(number)}`);
  if (!element) return Number.POSITIVE_INFINITY;
  const rect = element.getBoundingClientRect();
  const wanted = parseFloat(getComputedStyle(element).scrollMarginTop) || 0;
  const atBottom = window.scrollY >= document.documentElement.scrollHeight - window.innerHeight - 1;
  if (atBottom && rect.top >= wanted - 1) return Math.max(0, Math.round(rect.bottom - window.innerHeight));
  return Math.abs(Math.round(rect.top - wanted));
}

/** Scrolls down `step` px a frame for `frames` frames; frame times and page height before/after. */
export function scrollFrames({ frames, step }: { frames: number; step: number }): Promise<{ worst: number; over33: number; over50: number; heightBefore: number; heightAfter: number }> {
  return new Promise((resolve) => {
    const heightBefore = document.documentElement.scrollHeight;
    const durations: number[] = [];
    let previous = 0;
    let count = 0;
    const tick = (time: number) => {
      if (previous !== 0) durations.push(time - previous);
      previous = time;
      if (count === frames) {
        resolve({
          worst: Math.max(...durations),
          over33: durations.filter((duration) => duration > 33).length,
          over50: durations.filter((duration) => duration > 50).length,
          heightBefore,
          heightAfter: document.documentElement.scrollHeight,
        });
        return;
      }
      count += 1;
      window.scrollBy(0, step);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Presses j (by a synthetic keydown the reader handles like a real one) and measures until the
 * main thread is idle again with passage `expected` focused and the URL naming it: tasks are
 * probed through a MessageChannel; a gap under 4 ms between two probes means nothing else ran.
 */
export function jStep(expected: number): Promise<number> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const start = performance.now();
    let last = start;
    const done = () => document.activeElement?.id === `p-${String(expected)}` && new URLSearchParams(window.location.search).get('p') === String(expected);
    channel.port1.onmessage = () => {
      const now = performance.now();
      const idle = now - last < 4;
      last = now;
      if (done() && idle) {
        channel.port1.close();
        resolve(now - start);
      } else channel.port2.postMessage(null);
    };
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', code: 'KeyJ', bubbles: true, cancelable: true }));
    channel.port2.postMessage(null);
  });
}
