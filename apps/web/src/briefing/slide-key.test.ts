import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import { createFormatters } from '../i18n/format.js';
import briefingId from '../i18n/locales/id/briefing.json';
import mapId from '../i18n/locales/id/map.json';
import { dataSourceText, slideKey } from './slide-key.js';
import { fitScale } from './use-fit-to-box.js';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'id', resources: { id: { briefing: briefingId, map: mapId } }, interpolation: { escapeValue: false } });
const tBriefing = i18n.getFixedT('id', 'briefing') as never;
const tMap = i18n.getFixedT('id', 'map') as never;
const format = createFormatters('id');

describe("a slide map's key", () => {
  test('demo data says it is synthetic and the day it was loaded (in WIB)', () => {
    // 17:30 UTC on 3 December is already 4 December in Jakarta.
    const meta = {
      demo: true,
      datasets: [
        { name: 'boundaries', loadedAt: '2026-11-01T00:00:00Z' },
        { name: 'demo', loadedAt: '2026-12-03T17:30:00Z' },
      ],
    };
    expect(dataSourceText(meta, tBriefing, format.date)).toBe('Sumber: data demo Pantau (sintetis), dimuat 4 Desember 2026');
  });

  test('real data names its owners and the latest import; no date is made up when none is known', () => {
    const meta = {
      demo: false,
      datasets: [
        { name: 'permits', loadedAt: '2024-06-10T02:00:00Z' },
        { name: 'companies', loadedAt: '2024-06-12T02:00:00Z' },
      ],
    };
    expect(dataSourceText(meta, tBriefing, format.date)).toBe('Sumber: izin tinggal Ditjen Imigrasi, catatan Timpora; dimuat 12 Juni 2024');
    expect(dataSourceText({ demo: false }, tBriefing, format.date)).toBe('Sumber: izin tinggal Ditjen Imigrasi, catatan Timpora');
    expect(dataSourceText(null, tBriefing, format.date)).toBe('Sumber: izin tinggal Ditjen Imigrasi, catatan Timpora');
  });

  test('the key lists the classes, "no data", each overlay\'s symbols under its name, the data date and the source', () => {
    const key = slideKey(
      {
        classes: [
          { lower: 0, upper: 0, color: '#ffffcc' },
          { lower: 1, upper: 22, color: '#41b6c4' },
        ] as never,
        measure: 'count',
        layers: ['risk', 'entry'],
        typesLabel: 'ITAS + ITAP',
        asOf: '2024-06-13',
        source: 'Sumber: data demo Pantau (sintetis), dimuat 4 Desember 2026',
      },
      tMap,
      tBriefing,
      format,
    );
    expect(key.title).toBe('Pemegang ITAS + ITAP');
    expect(key.rows.map((row) => row.label)).toEqual(['0', '1 – 22', 'Tidak ada data']);
    expect(key.overlays.map((overlay) => overlay.title)).toEqual(['Potensi kerawanan', 'TPI (tempat pemeriksaan imigrasi)']);
    expect(key.overlays[0]!.rows.map((row) => row.label)).toContain('Overstay');
    expect(key.overlays[1]!.rows.map((row) => row.shape)).toEqual(['circle', 'circle', 'circle']);
    expect(key.date).toBe('Data per 13 Juni 2024');
    expect(key.source).toBe('Sumber: data demo Pantau (sintetis), dimuat 4 Desember 2026');
  });

  test('a table is shrunk only as far as it must, never below 40 %, never enlarged', () => {
    expect(fitScale(300, 400)).toBe(1);
    expect(fitScale(800, 400)).toBe(0.5);
    expect(fitScale(4000, 400)).toBe(0.4);
    expect(fitScale(0, 0)).toBe(1);
  });
});
