import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root (data/ sits directly under it). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The workplace's shared folder, beside the repository. */
export const SHARED_DIR = resolve(REPO_ROOT, '../shared');
export const REFERENCE_EVENTS_FILE = resolve(SHARED_DIR, 'data/reference-events.json');
export const REFERENCE_STATISTICS_FILE = resolve(SHARED_DIR, 'data/reference-statistics.json');
