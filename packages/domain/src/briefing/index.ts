export * from './types.js';
export * from './view-url.js';
export * from './audience.js';
export * from './templates.js';
