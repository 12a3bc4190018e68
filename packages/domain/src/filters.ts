// Filters shared by aggregates, lists and (later) tiles. Query strings carry lists as comma-separated
// values (`nationality=CHN,JPN`); parsing here keeps one meaning for every endpoint.
import { z } from 'zod';
import { PERMIT_PURPOSES, PERMIT_TYPES } from './constants.js';
import { isoDate, nationalityCode } from './schemas.js';

const csvOf = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

export const permitFilterQuery = z.object({
  asOf: isoDate.optional(),
  permitType: csvOf(z.enum(PERMIT_TYPES)).optional(),
  nationality: csvOf(nationalityCode).optional(),
  purpose: csvOf(z.enum(PERMIT_PURPOSES)).optional(),
});

/** A permit filter with `asOf` resolved (the caller supplies "today"). */
export interface PermitFilter {
  asOf: string;
  permitTypes?: readonly string[];
  nationalities?: readonly string[];
  purposes?: readonly string[];
  /** Only permits this company sponsors (its id). */
  sponsor?: number;
}

/**
 * What a caller may see: `null` = everything (national), else the area codes (any level) whose
 * territory is visible. Every query takes one from the first version (access control, issue 7).
 */
export type Scope = { readonly areaCodes: readonly string[] } | null;
export const NATIONAL_SCOPE: Scope = null;

/** True when `code` lies inside the scope (an area inside a scope area, or the area itself). */
export function inScope(scope: Scope, code: string): boolean {
  if (scope === null) return true;
  return scope.areaCodes.some((s) => code === s || code.startsWith(`${s}.`));
}
