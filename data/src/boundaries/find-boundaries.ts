import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT, SHARED_DIR } from '../paths.js';

export const BOUNDARY_FILES = { province: 'provinces.geojson', regency: 'regencies.geojson', district: 'districts.geojson' } as const;

export class BoundariesNotFoundError extends Error {
  override name = 'BoundariesNotFoundError';
}

/** The directories tried, in order: PANTAU_BOUNDARIES_DIR, data/boundaries/, ../shared/data/boundaries/. */
export function boundaryDirCandidates(configured: string | undefined): string[] {
  return [configured, resolve(REPO_ROOT, 'data/boundaries'), resolve(SHARED_DIR, 'data/boundaries')].filter((d): d is string => Boolean(d));
}

/** The first candidate holding all three files, or an error naming every path tried. */
export function findBoundariesDir(configured: string | undefined): string {
  const candidates = boundaryDirCandidates(configured);
  // A configured directory is a promise: when it lacks the files, say so rather than fall back.
  const tried = configured ? [configured] : candidates;
  for (const dir of tried) {
    if (Object.values(BOUNDARY_FILES).every((f) => existsSync(resolve(dir, f)))) return dir;
  }
  const lines = tried.map((d) => `  ${d}/{${Object.values(BOUNDARY_FILES).join(',')}}`);
  throw new BoundariesNotFoundError(
    `No boundary files found. Tried:\n${lines.join('\n')}\n` +
      'Set PANTAU_BOUNDARIES_DIR to a directory holding provinces.geojson, regencies.geojson and districts.geojson.',
  );
}
