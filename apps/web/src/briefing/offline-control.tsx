// "Make available offline" for a saved briefing: stores what its slides need in the browser (within
// the stated budget) with progress, then shows the copy's size and date with "update" and "remove".
// And the indicator that tells the presenter the page shows a stored copy, not live data.
import type { Briefing } from '@pantau/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isNationalScope, shownOverlays } from '../auth/permissions.js';
import { usePermissions, useSession } from '../auth/session-context.js';
import { useFormat } from '../i18n/format.js';
import { LOCALES } from '../i18n/languages.js';
import { useConnectivity } from '../offline/connectivity.js';
import { megabytes, OFFLINE_BUDGET_BYTES, OfflineBudgetError } from '../offline/offline-budget.js';
import { offlineCopyOf, removeOfflineCopy, type OfflineCopy } from '../offline/offline-copies.js';
import { saveOfflineCopy, type SaveProgress } from '../offline/offline-save.js';
import { offlineSupported } from '../offline/register-service-worker.js';

type ControlState =
  | { kind: 'checking' }
  | { kind: 'none' }
  | { kind: 'available'; copy: OfflineCopy }
  | { kind: 'saving'; progress: SaveProgress | null }
  | { kind: 'failed'; message: string; copy: OfflineCopy | null };

/** A stored moment (ISO) as the page's language writes it, with the time. */
function useDateTime(): (iso: string) => string {
  const { lang } = useFormat();
  return useCallback((iso: string) => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)), [lang]);
}

/** The maps' size in present mode: the screen (or the window, when larger). */
function presentViewport() {
  return { width: Math.max(window.screen.width, window.innerWidth), height: Math.max(window.screen.height, window.innerHeight) };
}

export interface OfflineControlProps {
  briefing: Briefing;
  /** Unsaved edits: the copy would store the briefing as the server has it, so saving comes first. */
  dirty: boolean;
}

export function OfflineControl({ briefing, dirty }: OfflineControlProps) {
  const { t } = useTranslation('briefing');
  const { session } = useSession();
  const permissions = usePermissions();
  const { lang } = useFormat();
  const dateTime = useDateTime();
  const [state, setState] = useState<ControlState>({ kind: 'checking' });
  const abortRef = useRef<AbortController | null>(null);
  const supported = offlineSupported();
  const size = (bytes: number) => megabytes(bytes, LOCALES[lang]);

  useEffect(() => {
    if (!supported) return;
    let current = true;
    offlineCopyOf(briefing.id).then(
      (copy) => {
        if (current) setState(copy ? { kind: 'available', copy } : { kind: 'none' });
      },
      (error: unknown) => {
        if (current) setState({ kind: 'failed', message: String(error), copy: null });
      },
    );
    return () => {
      current = false;
    };
  }, [briefing.id, supported]);
  useEffect(() => () => abortRef.current?.abort(), []);

  if (!supported)
    return (
      <span className="offline-note" data-testid="offline-unsupported">
        {t('offline.unsupported')}
      </span>
    );

  const previous = state.kind === 'available' ? state.copy : state.kind === 'failed' ? state.copy : null;
  const save = async () => {
    const controller = new AbortController();
    abortRef.current = controller;
    setState({ kind: 'saving', progress: null });
    try {
      const copy = await saveOfflineCopy({
        briefing,
        userId: session.user.id,
        overlaysOf: (slide) => shownOverlays(slide.view.layers, permissions, { region: slide.view.region, nationalScope: isNationalScope(session.user.scope) }),
        viewport: presentViewport(),
        signal: controller.signal,
        onProgress: (progress) => setState({ kind: 'saving', progress }),
      });
      setState({ kind: 'available', copy });
    } catch (error) {
      if (controller.signal.aborted) return;
      // A failed update keeps the previous copy (the new one is removed whole).
      // The failure shown is the save's; storage that cannot even be read back just shows no copy.
      const copy = await offlineCopyOf(briefing.id).catch(() => null);
      setState({ kind: 'failed', message: failureMessage(error, t, size), copy });
    }
  };
  const remove = async () => {
    await removeOfflineCopy(briefing.id);
    setState({ kind: 'none' });
  };

  const budget = t('offline.budget', { size: size(OFFLINE_BUDGET_BYTES) });
  return (
    <div className="offline-control" data-testid="offline-control">
      {state.kind === 'saving' ? (
        <span role="status" data-testid="offline-progress">
          {state.progress === null || state.progress.phase === 'planning'
            ? t('offline.planning')
            : t('offline.progress', { count: state.progress.total, done: state.progress.done, total: state.progress.total, size: size(state.progress.bytes) })}
          {' · '}
          {budget}
        </span>
      ) : previous ? (
        <>
          <span className="offline-status" data-testid="offline-status" data-bytes={previous.bytes}>
            {t('offline.available', { size: size(previous.bytes), date: dateTime(previous.savedAt) })}
          </span>
          <button
            type="button"
            className="button"
            disabled={dirty}
            title={dirty ? t('offline.saveFirst') : budget}
            onClick={() => void save()}
            data-testid="offline-update"
          >
            {t('offline.update')}
          </button>
          <button type="button" className="button" onClick={() => void remove()} data-testid="offline-remove">
            {t('offline.remove')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button"
          disabled={dirty || state.kind === 'checking'}
          title={dirty ? t('offline.saveFirst') : budget}
          onClick={() => void save()}
          data-testid="offline-save"
        >
          {t('offline.save')}
        </button>
      )}
      {state.kind === 'failed' && (
        <span className="briefing-error" role="alert" data-testid="offline-error">
          {state.message}
        </span>
      )}
    </div>
  );
}

type Translate = ReturnType<typeof useTranslation<'briefing'>>['t'];

function failureMessage(error: unknown, t: Translate, size: (bytes: number) => string): string {
  if (error instanceof OfflineBudgetError) {
    const { problem } = error;
    return problem.kind === 'bytes'
      ? t('offline.overBudget', { size: size(problem.limit) })
      : t('offline.tooManyFiles', { files: problem.files, limit: problem.limit });
  }
  return t('offline.failed', { message: error instanceof Error ? error.message : String(error) });
}

/** "Offline — stored copy of …": shown while the page reads a stored copy or reaches no server. */
export function OfflineIndicator() {
  const { t } = useTranslation('briefing');
  const dateTime = useDateTime();
  const { online, storedCopyFrom } = useConnectivity();
  if (online && storedCopyFrom === null) return null;
  return (
    <span className="offline-indicator" role="status" data-testid="offline-indicator">
      {storedCopyFrom === null ? t('offline.indicator') : t('offline.indicatorCopy', { date: dateTime(storedCopyFrom) })}
    </span>
  );
}

/** "Available offline" beside a briefing of the list, when this browser holds a copy of it. */
export function OfflineMark({ briefingId }: { briefingId: number }) {
  const { t } = useTranslation('briefing');
  const [stored, setStored] = useState(false);
  useEffect(() => {
    if (!offlineSupported()) return;
    let current = true;
    offlineCopyOf(briefingId).then(
      (copy) => {
        if (current) setStored(copy !== null);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [briefingId]);
  return stored ? (
    <span className="offline-mark" data-testid="offline-mark">
      {t('offline.mark')}
    </span>
  ) : null;
}
