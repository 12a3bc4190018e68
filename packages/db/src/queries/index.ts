export * from './scope.js';
export * from './areas.js';
export * from './permit-stats.js';
export * from './lists.js';
export * from './meta.js';
export * from './area-profile.js';
export * from './export-rows.js';
export * from './planning.js';
