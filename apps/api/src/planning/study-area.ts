// The area a planning map (coverage gaps, hot spots: REST and tiles) is computed over. One rule for
// all of them: an area in the caller's scope (else a 404 like a nonexistent one), or the whole scope
// when it is narrower than the country. The whole country in one answer computes every site, district
// or hexagon of Indonesia: minutes on the embedded database, holding its one connection (issue 18).
import { findArea, workAreaOf, type Executor } from '@pantau/db';
import { inScope, officeKeyOfArea, type Scope } from '@pantau/domain';
import { AppError } from '../errors.js';

export interface StudyArea {
  /** The named area, or null for the caller's whole (sub-national) scope. */
  area: { code: string; name: string; level: string } | null;
  /** The code the queries take, or null (whole scope, or an office's work area given as the scope). */
  code: string | null;
  /** The scope the queries run with: an office's work area narrows it to the work area's regencies. */
  scope: Scope;
}

export async function resolveStudyArea(db: Executor, code: string | undefined, scope: Scope): Promise<StudyArea> {
  if (code === undefined) {
    if (scope === null) {
      throw new AppError(
        'invalid_parameter',
        'Invalid parameter: area. Required for a national scope: a province, regency or district code, or office:<office key>.',
        [{ parameter: 'area', message: 'required for a national scope' }],
      );
    }
    return { area: null, code: null, scope };
  }
  const officeKey = officeKeyOfArea(code);
  if (officeKey !== null) {
    const workArea = await workAreaOf(db, officeKey, scope);
    if (!workArea) throw new AppError('area_not_found', `No area with code ${code}.`);
    return { area: { code, name: workArea.name, level: 'work_area' }, code: null, scope: { areaCodes: workArea.regencyCodes } };
  }
  const area = inScope(scope, code) ? await findArea(db, code, scope) : null;
  if (!area) throw new AppError('area_not_found', `No area with code ${code}.`);
  return { area: { code: area.code, name: area.name, level: area.level }, code, scope };
}
