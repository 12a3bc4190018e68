export * from './constants.js';
export * from './dates.js';
export * from './nationalities.js';
export * from './schemas.js';
export * from './filters.js';
export * from './province-names.js';
export * from './import/header-synonyms.js';
export * from './import/value-aliases.js';
