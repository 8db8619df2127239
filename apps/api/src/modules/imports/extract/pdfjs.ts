/**
 * pdf.js, loaded on first use. Its legacy build (the one that runs on Node 20) bundles
 * core-js, which does not only add what Node 20 lacks (Promise.withResolvers,
 * ArrayBuffer.prototype.transfer, ...) but also replaces JSON.parse, JSON.stringify,
 * Array.prototype.push and Function.prototype.toString process-wide with polyfills several
 * times slower (JSON.stringify: 5x). Node 20's own are already correct, so they are put back:
 * the whole API, not just PDF import, would otherwise pay.
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= importKeepingNatives();
  return loading;
}

async function importKeepingNatives(): Promise<PdfJs> {
  /* eslint-disable @typescript-eslint/unbound-method -- kept to be put back, never called here */
  const natives: [object, string, unknown][] = [
    [JSON, 'parse', JSON.parse],
    [JSON, 'stringify', JSON.stringify],
    [Array.prototype, 'push', Array.prototype.push],
    [Function.prototype, 'toString', Function.prototype.toString],
  ];
  /* eslint-enable @typescript-eslint/unbound-method */
  try {
    return await import('pdfjs-dist/legacy/build/pdf.mjs');
  } finally {
    for (const [owner, key, native] of natives) Object.defineProperty(owner, key, { value: native, writable: true, configurable: true, enumerable: false });
  }
}
