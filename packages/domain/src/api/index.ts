// The API's answers as zod schemas: the routes declare them (and so the OpenAPI document), the web
// app reads their z.infer types, and the contract test checks real answers against them. `.meta({ id })` makes a
// schema a named component of the OpenAPI document.
export * from './common.js';
export * from './areas.js';
export * from './meta.js';
export * from './search.js';
export * from './overstays.js';
export * from './records.js';
export * from './meetings.js';
export * from './planning.js';
export * from './briefings.js';
export * from './imports.js';
export * from './users.js';
export * from './people.js';
