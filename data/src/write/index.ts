export * from './validate.js';
export * from './area-lookup.js';
export * from './write-organisation.js';
export * from './write-companies.js';
export * from './write-permits.js';
export * from './write-operations.js';
export * from './write-events.js';
export * from './write-people.js';
