// Percentiles, timing and a plain-text table for the benchmark's output.
import { performance } from 'node:perf_hooks';

export function percentile(sortedValues, p) {
  if (sortedValues.length === 0) return NaN;
  const index = Math.min(sortedValues.length - 1, Math.max(0, Math.ceil((p / 100) * sortedValues.length) - 1));
  return sortedValues[index];
}

/** Runs `work` once per item, one at a time; returns the sorted durations in ms and the results. */
export async function timeEach(items, work) {
  const durations = [];
  const results = [];
  for (const item of items) {
    const started = performance.now();
    results.push(await work(item));
    durations.push(performance.now() - started);
  }
  return { durations: durations.sort((a, b) => a - b), results };
}

export function summarise(durations) {
  return { p50: percentile(durations, 50), p95: percentile(durations, 95), max: durations.at(-1) ?? NaN };
}

export const ms = (value) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms` : '-');
export const ratio = (value) => (Number.isFinite(value) ? `${value < 0.1 ? value.toFixed(3) : value.toFixed(2)}x` : '-');

/** Left-aligned first column, right-aligned others. */
export function table(headers, rows) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
