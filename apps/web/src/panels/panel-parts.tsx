// Small pieces every block of the panel uses: where its figures come from, the DEMO marker, a change
// with its arrow, loading and error lines, and a link to an area.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { ApiError } from '../api/api-client.js';
import { getArea } from '../api/panels-api.js';
import { useApiRequest } from '../api/use-api-request.js';
import { parseOrigin } from './data-origin.js';
import { CHANGE_ARROWS, changeDirection, type PanelFormat } from './panel-format.js';
import { usePanelText } from './use-panel-format.js';

export type PanelT = TFunction<'panels'>;

// Keys built from API values (`outcome.${value}`) cannot be checked against the typed resources;
// the default value covers a value the locale files do not know yet.
type LooseT = (key: string, options: { defaultValue: string; [name: string]: unknown }) => string;

/** A translated enum value (`outcome.violation` …); an unknown value shows as it is. */
export function enumText(t: PanelT, group: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return (t as unknown as LooseT)(`${group}.${value}`, { defaultValue: value });
}

/** "data demo", "data rujukan", "impor berkas izin-babel.csv" (or, for an import whose file is not known here, its batch). */
export function originText(t: PanelT, origin: string, fileName?: string | null): string {
  const parsed = parseOrigin(origin);
  if (parsed.kind === 'import') return fileName ? t('source.importFile', { file: fileName }) : t('source.import', { batch: parsed.batch });
  if (parsed.kind === 'unknown') return origin;
  return parsed.kind === 'demo' ? t('source.demo') : t('source.reference');
}

export function DemoMarker({ origin }: { origin: string }) {
  const { t } = usePanelText();
  if (parseOrigin(origin).kind !== 'demo') return null;
  return (
    <span className="panel-demo" title={t('source.demoTitle')}>
      {t('source.demoMarker')}
    </span>
  );
}

export interface SourceEntry {
  origin: string;
  /** Instant the origin's data was loaded, when known. */
  loadedAt?: string | null;
  /** Extra facts about this origin for this block, already formatted ("204 izin"). */
  details?: string[];
  /** An import's file name, when known. */
  fileName?: string | null;
}

/** "Sumber: data demo · dimuat 23 Nov 2026" under a block; one line per origin. */
export function SourceLine({ entries }: { entries: readonly SourceEntry[] }) {
  const { t, format } = usePanelText();
  if (entries.length === 0) return null;
  return (
    <p className="panel-source">
      <span className="panel-source-label">{t('source.label')}:</span>{' '}
      {entries.map((entry, index) => (
        <span key={entry.origin} className="panel-source-entry">
          {index > 0 && '; '}
          {originText(t, entry.origin, entry.fileName)}
          {[...(entry.details ?? []), ...(entry.loadedAt ? [t('source.loaded', { date: format.instantDate(entry.loadedAt, 'Asia/Jakarta') })] : [])].map(
            (detail) => (
              <span key={detail}> · {detail}</span>
            ),
          )}
        </span>
      ))}
    </p>
  );
}

export function sourceEntries(
  origins: readonly string[],
  loadedAt: ReadonlyMap<string, string>,
  fileNames: ReadonlyMap<string, string> = new Map(),
): SourceEntry[] {
  return origins.map((origin) => ({ origin, loadedAt: loadedAt.get(origin) ?? null, fileName: fileNames.get(origin) ?? null }));
}

const DIRECTION_KEYS = { up: 'compare.up', down: 'compare.down', same: 'compare.same' } as const;

/** "▲ +7" with a hidden "naik" for screen readers: arrow and sign, so colour is not the only cue. */
export function ChangeValue({ change, format }: { change: number; format: PanelFormat }) {
  const { t } = usePanelText();
  const direction = changeDirection(change);
  return (
    <span className={`panel-change panel-change-${direction}`}>
      <span aria-hidden="true">{CHANGE_ARROWS[direction]} </span>
      <span className="visually-hidden">{t(DIRECTION_KEYS[direction])} </span>
      {format.signed(change)}
    </span>
  );
}

export function errorText(t: PanelT, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('panel.networkError');
    if (error.code === 'bad_response') return `${t('panel.badResponse')} (${error.message})`;
    if (error.status === 404) return `${t('panel.notFound')} (${error.message})`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function PanelError({ error }: { error: unknown }) {
  const { t } = usePanelText();
  return (
    <div className="panel-error" role="alert">
      <strong>{t('panel.errorTitle')}</strong>
      <p>{errorText(t, error)}</p>
    </div>
  );
}

/** What a role that may not read a record or an area (403, or 404 outside its scope) sees instead of an error. */
export function PanelNotAvailable() {
  const { t } = usePanelText();
  return (
    <p className="panel-empty" data-testid="panel-not-available">
      {t('panel.notAvailable')}
    </p>
  );
}

export function PanelLoading({ label }: { label?: string }) {
  const { t } = usePanelText();
  return (
    <p className="panel-loading" role="status">
      {label ?? t('panel.loading')}
    </p>
  );
}

/** The name of an area as a link that opens it in the panel; the code until the name is known. */
export function AreaLink({ code, onSelectArea }: { code: string; onSelectArea(code: string): void }) {
  const area = useApiRequest(`panel-area:${code}`, (signal) => getArea(code, signal));
  const name = area.status === 'ok' ? area.data.name : code;
  return (
    <button type="button" className="panel-link" onClick={() => onSelectArea(code)}>
      {name}
    </button>
  );
}

/** Label/value rows of a record. */
export function FactList({ facts }: { facts: readonly (readonly [label: string, value: ReactNode] | null)[] }) {
  return (
    <dl className="panel-facts">
      {facts
        .filter((fact): fact is readonly [string, ReactNode] => fact !== null)
        .map(([label, value]) => (
          <div key={label} className="panel-fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The API leaves out what the role may not see (free text that may name people, the viewer's records): say so rather than show nothing. */
export function HiddenForRole() {
  const { t } = usePanelText();
  return <span className="panel-muted panel-hidden-for-role">{t('record.hiddenForRole')}</span>;
}
