export * from './document-guard.js';
export * from './collab-kinds.js';
