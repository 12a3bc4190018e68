export * from './config.js';
export * from './paths.js';
export * from './boundaries/find-boundaries.js';
export * from './boundaries/load-boundaries.js';
export * from './write/index.js';
export * from './datasets/load-datasets.js';
export * from './datasets/prepare-database.js';
export { generateDemo, pinValidCounts, isValidOn, violationChance, DEMO_SIZES } from './demo/generate-demo.js';
export { Random, WeightedPicker } from './demo/random.js';
