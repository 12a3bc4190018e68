// An import's reasons and notes in the app's language. The API sends each with a stable code and its
// parameters (@pantau/domain import-reasons) beside the English sentence; the page words the code
// from the `data` namespace (`reasons.*`, `notes.*`). A report stored before codes existed, or a code
// this page does not know yet, shows the English sentence as it came.
import type { TFunction } from 'i18next';
import type { ImportIssue, ImportNote } from './types.js';

type DataT = TFunction<'data'>;
type Params = Record<string, string | number | boolean>;
// Keys built from codes cannot be checked against the typed resources.
type LooseT = (key: string, options: Record<string, unknown>) => string;

/** How an origin a reason names ("already in Pantau (…)") reads: the demo, the reference data, an import's file and date. */
export type OriginLabel = (origin: string) => string;

const PLURAL_COUNTS: Record<string, string> = { action_counts_mismatch: 'counts', action_nationalities_mismatch: 'nationalities', outcome_no_violation_counted: 'violations' };

function reasonOf(t: DataT, code: string, params: Params, fallback: string, originLabel: OriginLabel): string {
  const loose = t as unknown as LooseT;
  const values: Record<string, unknown> = { ...params, defaultValue: fallback };
  if (typeof params.level === 'string') values.level = loose(`reasonLevels.${params.level}`, { defaultValue: params.level });
  if (typeof params.origin === 'string') values.origin = originLabel(params.origin);
  const countOf = PLURAL_COUNTS[code];
  if (countOf !== undefined && typeof params[countOf] === 'number') values.count = params[countOf];
  if (code === 'list_item' && typeof params.inner === 'string') {
    values.reason = reasonOf(t, params.inner, params, String(params.reason ?? ''), originLabel);
  }
  const key = code === 'area_name_unknown' && params.closest ? 'reasons.area_name_unknown_closest' : `reasons.${code}`;
  const text = loose(key, values);
  return params.orCoordinates === true ? `${text}${loose('reasons.orCoordinates', {})}` : text;
}

/** Why the import refused a row, in the page's language. */
export function issueReasonText(t: DataT, issue: Pick<ImportIssue, 'code' | 'params' | 'reason'>, originLabel: OriginLabel): string {
  if (!issue.code) return issue.reason;
  return reasonOf(t, issue.code, issue.params ?? {}, issue.reason, originLabel);
}

/** A note on the whole file, in the page's language. */
export function noteText(t: DataT, note: ImportNote): string {
  const loose = t as unknown as LooseT;
  const values: Record<string, unknown> = { ...note.params, defaultValue: note.message };
  if (typeof note.params.records === 'string') values.records = loose(`noteRecords.${note.params.records}`, { defaultValue: note.params.records });
  return loose(`notes.${note.code}`, values);
}
