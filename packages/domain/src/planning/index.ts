export * from './factors.js';
export * from './score.js';
export * from './explain.js';
export * from './hot-spots.js';
export * from './coverage.js';
