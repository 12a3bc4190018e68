export * from './areas.js';
export * from './offices.js';
export * from './companies.js';
export * from './permits.js';
export * from './operations.js';
export * from './events.js';
export * from './imports.js';
export * from './accounts.js';
