export * from './factors.js';
export * from './score.js';
export * from './explain.js';
export * from './agencies.js';
export * from './route.js';
export * from './plans.js';
