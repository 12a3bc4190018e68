export * from './config.js';
export * from './paths.js';
export * from './boundaries/find-boundaries.js';
export * from './boundaries/load-boundaries.js';
