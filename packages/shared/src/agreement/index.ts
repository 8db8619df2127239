export * from './statistics.js';
export * from './coding-comparison.js';
