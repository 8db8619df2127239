export * from './map-vocabulary.js';
export * from './map-document.js';
export * from './map-edits.js';
export * from './map-validation.js';
export * from './ach-matrix.js';
export * from './explanation-views.js';
