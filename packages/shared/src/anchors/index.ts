export * from './text-anchor.js';
export * from './text-span.js';
export * from './w3c-selectors.js';
