// Areas as officers write them: a code (19.04), a name with or without its prefix (Kab. Bangka
// Tengah, BANGKA TENGAH, Kabupaten Bangka Tengah), a misspelling within a confidence threshold.
// Ambiguous names are refused with the candidates listed, never guessed.
import { AREA_CODE_PATTERN, normaliseValue, type AreaLevel } from '@pantau/domain';
import Fuse from 'fuse.js';
import { fail, type Parsed } from './dates.js';

export interface AreaRow {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  label?: [number, number];
}

/** Fuse score (0 = exact, 1 = nothing alike) a misspelling may have, and the margin to the runner-up. */
const FUZZY_MAX_SCORE = 0.2;
const FUZZY_MARGIN = 0.1;

const PREFIX = /^(kabupaten administrasi|kota administrasi|kabupaten|kab\.?|kota|kecamatan|kec\.?|provinsi|prov\.?)\s+/;

interface Normalised {
  base: string;
  kind: 'kota' | 'kabupaten' | null;
}

function normaliseName(raw: string): Normalised {
  const value = normaliseValue(raw)
    .replace(/[.,]/g, (m) => (m === '.' ? '. ' : ' '))
    .replace(/\s+/g, ' ')
    .trim();
  const prefix = PREFIX.exec(value)?.[1] ?? '';
  const kind = prefix.startsWith('kota') ? 'kota' : prefix.startsWith('kab') ? 'kabupaten' : null;
  return {
    base: value
      .replace(PREFIX, '')
      .replace(/[^a-z0-9 ]/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
    kind,
  };
}

const kindOf = (area: AreaRow) => (area.level === 'regency' ? (/^kota/i.test(area.name) ? 'kota' : 'kabupaten') : null);
const describe = (areas: AreaRow[]) => areas.map((a) => `${a.name} (${a.code})`).join(', ');

export interface AreaInput {
  districtCode?: string;
  district?: string;
  regencyCode?: string;
  regency?: string;
  province?: string;
}
export interface AreaMatch {
  districtCode: string | null;
  regencyCode: string;
  field: string;
}

export class AreaMatcher {
  private readonly byCode: Map<string, AreaRow>;
  // Built at the first name to look up (files that give codes never need them).
  private byBaseIndex?: Map<string, AreaRow[]>;
  private fuzzyIndex?: Map<AreaLevel, Fuse<{ area: AreaRow; base: string }>>;

  constructor(private readonly areas: readonly AreaRow[]) {
    this.byCode = new Map(areas.map((a) => [a.code, a]));
  }

  private get byBase(): Map<string, AreaRow[]> {
    if (!this.byBaseIndex) {
      this.byBaseIndex = new Map();
      for (const area of this.areas) {
        const key = `${area.level}:${normaliseName(area.name).base}`;
        this.byBaseIndex.set(key, [...(this.byBaseIndex.get(key) ?? []), area]);
      }
    }
    return this.byBaseIndex;
  }

  private get fuzzy(): Map<AreaLevel, Fuse<{ area: AreaRow; base: string }>> {
    if (!this.fuzzyIndex) {
      this.fuzzyIndex = new Map();
      for (const level of ['province', 'regency', 'district'] as const) {
        this.fuzzyIndex.set(
          level,
          new Fuse(
            this.areas.filter((a) => a.level === level).map((area) => ({ area, base: normaliseName(area.name).base })),
            { keys: ['base'], includeScore: true, threshold: 0.4, ignoreLocation: true },
          ),
        );
      }
    }
    return this.fuzzyIndex;
  }

  /** Whether an area has this official code. */
  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The label point of an area (where a record known only by its area is drawn). */
  labelOf(code: string): [number, number] | undefined {
    return this.byCode.get(code)?.label;
  }

  /** Resolves a row's area columns to a district (when given) and its regency. `field` names the column that failed. */
  match(input: AreaInput): Parsed<AreaMatch> & { field?: string } {
    let province: AreaRow | undefined;
    if (input.province?.trim()) {
      const found = this.resolve('province', input.province, null);
      if (!found.ok) return { ...found, field: 'province' };
      province = found.value;
    }
    let regency: AreaRow | undefined;
    const regencyText = input.regencyCode?.trim() || input.regency?.trim();
    if (regencyText) {
      const found = this.resolve('regency', regencyText, province?.code ?? null);
      if (!found.ok) return { ...found, field: input.regencyCode?.trim() ? 'regencyCode' : 'regency' };
      regency = found.value;
    }
    const districtText = input.districtCode?.trim() || input.district?.trim();
    if (districtText) {
      const found = this.resolve('district', districtText, regency?.code ?? province?.code ?? null);
      if (!found.ok) return { ...found, field: input.districtCode?.trim() ? 'districtCode' : 'district' };
      if (regency && found.value.parentCode !== regency.code) {
        return { ...fail('district_outside_regency', { district: `${found.value.name} (${found.value.code})`, regency: regency.name }), field: 'district' };
      }
      return { ok: true, value: { districtCode: found.value.code, regencyCode: found.value.parentCode!, field: 'district' } };
    }
    if (regency) return { ok: true, value: { districtCode: null, regencyCode: regency.code, field: 'regency' } };
    return { ...fail('no_area'), field: 'regency' };
  }

  /** One area of `level` from a code or a name, inside `within` (a code) when known. */
  resolve(level: AreaLevel, raw: string, within: string | null): Parsed<AreaRow> {
    const text = raw.trim();
    if (AREA_CODE_PATTERN.test(text)) {
      const area = this.byCode.get(text);
      if (!area || area.level !== level) return fail('area_code_unknown', { level, code: text });
      return { ok: true, value: area };
    }
    const { base, kind } = normaliseName(text);
    if (!base) return fail('empty');
    const inside = (a: AreaRow) => within === null || a.code.startsWith(`${within}.`);
    let exact = (this.byBase.get(`${level}:${base}`) ?? []).filter(inside);
    if (kind && exact.length > 1) exact = exact.filter((a) => kindOf(a) === kind);
    if (exact.length === 1) return { ok: true, value: exact[0]! };
    if (exact.length > 1) return fail('area_name_ambiguous', { level, name: text, candidates: describe(exact) });
    const hits = this.fuzzy
      .get(level)!
      .search(base, { limit: 10 })
      .filter((h) => inside(h.item.area) && (!kind || kindOf(h.item.area) === null || kindOf(h.item.area) === kind));
    const [best, second] = hits;
    if (best && best.score! <= FUZZY_MAX_SCORE && (!second || second.score! - best.score! >= FUZZY_MARGIN)) return { ok: true, value: best.item.area };
    if (best && best.score! <= FUZZY_MAX_SCORE)
      return fail('area_name_ambiguous', { level, name: text, candidates: describe(hits.slice(0, 3).map((h) => h.item.area)) });
    const suggestions = hits.slice(0, 3).map((h) => h.item.area);
    return fail('area_name_unknown', { level, name: text, closest: describe(suggestions) });
  }
}
