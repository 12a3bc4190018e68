export * from './audit.js';
export * from './demo-accounts.js';
export { generatePassword, PasswordHashError } from './passwords.js';
export * from './sessions.js';
export * from './users.js';
export * from './api-tokens.js';
