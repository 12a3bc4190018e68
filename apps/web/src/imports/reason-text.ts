// An import's reasons and notes in the app's language. The API sends each with a stable code and its
// parameters (@pantau/domain import-reasons) beside the English sentence; the page words the code with
// the texts the command line uses too (@pantau/domain import-texts). A report stored before codes
// existed, or a code this page does not know yet, shows the English sentence as it came.
import { importNoteText, importReasonText, type ImportIssueAnswer, type ImportNoteAnswer } from '@pantau/domain';
import type { Lang } from '../i18n/languages.js';

/** How an origin a reason names ("already in Pantau (…)") reads: the demo, the reference data, an import's file and date. */
export type OriginLabel = (origin: string) => string;

/** Why the import refused a row, in the page's language. */
export function issueReasonText(lang: Lang, issue: Pick<ImportIssueAnswer, 'code' | 'params' | 'reason'>, originLabel: OriginLabel): string {
  return importReasonText(lang, issue, originLabel);
}

/** A note on the whole file, in the page's language. */
export function noteText(lang: Lang, note: ImportNoteAnswer): string {
  return importNoteText(lang, note);
}
