export * from './connect.js';
export * from './write.js';
export * as schema from './schema/index.js';
export * from './schema/index.js';
export * from './queries/index.js';
export * from './bulk.js';
