export * from './factors.js';
export * from './score.js';
export * from './explain.js';
