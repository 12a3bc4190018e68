export * from './connect.js';
export * from './write.js';
export * as schema from './schema/index.js';
export * from './schema/index.js';
export * from './queries/index.js';
export * from './scoped.js';
export { and, eq, lt } from 'drizzle-orm';
export * from './bulk.js';
