import { describe, expect, test } from 'vitest';
import { loadConfig } from '../config.js';
import { readReferenceEvents, referenceMeetings, referenceOffices, referenceOperations, referenceRiskAreas } from './reference-events.js';
import { hasFigureLabel, hasIndonesian, hasSourceCitation } from './reference-text.js';
import { join } from 'node:path';

const events = readReferenceEvents(join(loadConfig({}).referenceDir, 'reference-events.json'));

describe('reference events in both languages', () => {
  test('every sentence a reference record shows has its Indonesian text (the shared file reports in English)', () => {
    const sentences = [
      ...events.offices.map((o) => o.work_area),
      ...events.meetings.flatMap((m) => [...(m.agenda ?? []), ...(m.notes ?? []), ...(m.risks ?? []).flatMap((r) => [r.category, r.detail])]),
      ...events.operations.flatMap((o) => [o.kind, ...(o.notes ? [o.notes] : []), ...o.targets.map((t) => t.status_found)]),
    ];
    expect(sentences.filter((s) => !hasIndonesian(s))).toEqual([]);
    const figures = events.meetings.flatMap((m) => Object.keys(m.figures ?? {}));
    expect(figures.filter((key) => !hasFigureLabel(key))).toEqual([]);
  });

  test('records are Indonesian with their English text beside them', () => {
    const risk = referenceRiskAreas(events, () => ({ type: 'Polygon', coordinates: [] })).find((r) => r.key.includes('19.04'))!;
    expect(risk.name).toBe('Jalur PMI nonprosedural — Rapat TIMPORA Kabupaten Bangka Tengah');
    expect(risk.textEn).toEqual({
      name: 'Non-procedural emigration of Indonesian workers — Rapat TIMPORA Kabupaten Bangka Tengah',
      description: 'residents leaving to work abroad illegally, mainly to Cambodia and Thailand',
      source: 'ANTARA News Bangka Belitung article, June 2024',
    });
    const meeting = referenceMeetings(events).find((m) => m.regencyCode === '16.01')!;
    expect(meeting.title).toBe('Kunjungan koordinasi pengawasan orang asing, Kabupaten Ogan Komering Ulu');
    expect(meeting.textEn?.title).toBe('Coordination visit on foreign-national supervision, Kabupaten Ogan Komering Ulu');
    const lebong = referenceOperations(
      events,
      () => null,
      () => [102.2, -3.2],
    ).find((o) => o.regencyCode === '17.07')!;
    expect(lebong.targets[0]!.findings).toMatch(/^11 WNA CHN: TKA sedang menunggu penerbitan KITAS baru/);
    expect(lebong.targets[0]!.textEn?.findings).toMatch(/^11 foreigners \(CHN\): foreign workers \(TKA\) waiting for new KITAS/);
  });

  test('records cite their source article by outlet and month in both languages, never by its file name ("Sumber: 001_….txt")', () => {
    const files = [...events.offices, ...events.meetings, ...events.operations, ...events.companies].map((r) => r.source);
    expect(files.filter((file) => !hasSourceCitation(file))).toEqual([]);
    const texts = JSON.stringify([
      referenceOffices(events),
      referenceMeetings(events),
      referenceOperations(
        events,
        () => null,
        () => [106.8, -6.2],
      ),
      referenceRiskAreas(events, () => ({ type: 'Polygon', coordinates: [] })),
    ]);
    expect(texts).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    const meeting = referenceMeetings(events).find((m) => m.regencyCode === '19.04')!;
    expect(meeting.notes).toContain('Sumber: berita ANTARA News Bangka Belitung, Juni 2024');
    expect(meeting.textEn?.notes).toContain('Source: ANTARA News Bangka Belitung article, June 2024');
    const risk = referenceRiskAreas(events, () => ({ type: 'Polygon', coordinates: [] })).find((r) => r.key.includes('19.04'))!;
    expect([risk.source, risk.textEn?.source]).toEqual(['berita ANTARA News Bangka Belitung, Juni 2024', 'ANTARA News Bangka Belitung article, June 2024']);
  });
});
