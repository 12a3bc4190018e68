import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '@pantau/domain';

/**
 * SQL condition: `column` (an area code column) lies inside the scope. National scope is `true`.
 * Every query module applies it, so access control (issue 7) only has to supply the scope.
 */
export function scopeCondition(column: SQL, scope: Scope): SQL {
  if (scope === null) return sql`true`;
  if (scope.areaCodes.length === 0) return sql`false`;
  const parts = scope.areaCodes.map((code) => sql`(${column} = ${code} or ${column} like ${`${code}.%`})`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** An area is visible when it lies in the scope or contains part of it (a province above a regency scope). */
export function areaVisibleCondition(codeColumn: SQL, scope: Scope): SQL {
  if (scope === null) return sql`true`;
  const below = scopeCondition(codeColumn, scope);
  const above = scope.areaCodes.map((code) => sql`${code} like ${codeColumn} || '.%'`);
  return sql`(${below} or ${sql.join(above, sql` or `)})`;
}
