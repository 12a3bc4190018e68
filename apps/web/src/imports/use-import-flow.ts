import type { ImportJob, ImportKind, ImportPreview, ImportReportAnswer } from '@pantau/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { invalidateEveryApiAnswer } from '../api/use-api-request.js';
import { assignField, missingGroups, proposedMapping, type ColumnMapping } from './column-mapping.js';
import { isAbort, messageOf } from './import-errors.js';
import { followImportJob, previewImport, rerunImportJob, startImport } from './imports-api.js';

export type PreviewState = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; preview: ImportPreview } | { status: 'error'; message: string };
export type JobState =
  | { status: 'idle' }
  | { status: 'running'; percent: number }
  | { status: 'done'; report: ImportReportAnswer }
  // A failed job whose file the API still keeps can be run again (`rerunnable`).
  | { status: 'error'; message: string; job?: ImportJob };

/**
 * One import from file to batch: the kind, file and sheet chosen, the preview read from them and the
 * mapping it proposes (as corrected), then the check (a dry run) and the import, each followed to its
 * end. A new file, sheet or mapping drops the jobs run for the old one.
 */
export function useImportFlow() {
  const [kind, setKind] = useState<ImportKind>('permits');
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [previewState, setPreviewState] = useState<PreviewState>({ status: 'idle' });
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [check, setCheck] = useState<JobState>({ status: 'idle' });
  const [commit, setCommit] = useState<JobState>({ status: 'idle' });
  const jobController = useRef<AbortController | null>(null);

  const resetJobs = useCallback(() => {
    jobController.current?.abort();
    jobController.current = null;
    setCheck({ status: 'idle' });
    setCommit({ status: 'idle' });
  }, []);

  // A new kind, file or sheet: a new preview, and the mapping it proposes.
  useEffect(() => {
    resetJobs();
    if (!file) {
      setPreviewState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setPreviewState({ status: 'loading' });
    previewImport(kind, file, { sheet }, controller.signal).then(
      (preview) => {
        if (controller.signal.aborted) return;
        setMapping(proposedMapping(preview));
        setPreviewState({ status: 'ok', preview });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setPreviewState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => controller.abort();
  }, [kind, file, sheet, resetJobs]);

  useEffect(() => () => jobController.current?.abort(), []);

  const preview = previewState.status === 'ok' ? previewState.preview : null;
  const missing = useMemo(() => (preview ? missingGroups(mapping, preview.fields) : []), [mapping, preview]);

  const chooseFile = (chosen: File | null | undefined) => {
    if (!chosen) return;
    setSheet(null);
    setFile(chosen);
  };

  const changeMapping = (header: string, field: string) => {
    resetJobs();
    setMapping((current) => assignField(current, header, field));
  };

  /** Starts a check or an import (or reruns a failed job, `rerun`: its id) and follows it to its end. */
  const run = async (dryRun: boolean, rerun?: string) => {
    if (!file) return;
    const setState = dryRun ? setCheck : setCommit;
    jobController.current?.abort();
    const controller = new AbortController();
    jobController.current = controller;
    if (!dryRun) setCommit({ status: 'running', percent: 0 });
    else {
      setCheck({ status: 'running', percent: 0 });
      setCommit({ status: 'idle' });
    }
    try {
      // A zip of several shapefile layers is refused without one named: the layer previewed is the one meant.
      const layer = preview?.format === 'shapefile' ? (preview.sheet ?? null) : null;
      const started = rerun ? await rerunImportJob(rerun) : await startImport(kind, file, { dryRun, sheet: sheet ?? layer, mapping });
      const job: ImportJob = await followImportJob(
        started,
        (progress) => {
          if (!controller.signal.aborted && progress.status === 'running') setState({ status: 'running', percent: progress.progress.percent });
        },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      if (job.status === 'done' && job.report) setState({ status: 'done', report: job.report });
      else setState({ status: 'error', message: job.error?.message ?? job.status, job });
      // A committed import can change any figure, the batch list among them.
      if (!dryRun) void invalidateEveryApiAnswer();
    } catch (error) {
      if (!isAbort(error) && !controller.signal.aborted) setState({ status: 'error', message: messageOf(error) });
    }
  };

  return { kind, setKind, file, sheet, setSheet, previewState, preview, mapping, missing, check, commit, chooseFile, changeMapping, run };
}
