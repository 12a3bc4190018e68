// The real events of shared/data/reference-events.json, as records marked `reference`. Loaded
// verbatim: where the source gives no place, the record says so instead of inventing one.
import { readFileSync } from 'node:fs';
import { bilingual, figureLabel, sourceCitation } from './reference-text.js';
import type { CompanyRecord, CompanySiteRecord, MeetingRecord, OfficeClass, OfficeRecord, OperationRecord, RiskAreaRecord } from '@pantau/domain';

export interface ReferenceEvents {
  offices: Array<{ name: string; class: string; province_code: string; work_area: string; work_area_codes: string[] | null; source: string }>;
  meetings: Array<{
    date: string;
    title: string;
    regency_code: string;
    venue: string | null;
    organiser: string;
    attendees: string[];
    notes?: string[];
    agenda?: string[];
    figures?: Record<string, number>;
    risks?: Array<{ category: string; detail: string }>;
    source: string;
  }>;
  operations: Array<{
    date: string;
    kind: string;
    regency_code: string;
    team: string;
    notes?: string;
    source: string;
    targets: Array<{
      place: string;
      place_type: string;
      foreigners_checked: number;
      nationality: string;
      status_found: string;
      employers: string[];
      violations: number;
      actions: unknown[];
    }>;
  }>;
  companies: Array<{ name: string; short: string; regency_code: string; foreign_worker_nationality: string; source: string }>;
}

export function readReferenceEvents(path: string): ReferenceEvents {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ReferenceEvents;
  } catch (error) {
    throw new Error(
      `Cannot read the reference events at ${path}: ${(error as Error).message}. Set PANTAU_REFERENCE_DIR to the folder holding reference-events.json.`,
      { cause: error },
    );
  }
}

const ORIGIN = 'reference';
const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

// Records are written in Indonesian with their English text beside them (`textEn`): see reference-text.ts.

export function referenceOffices(events: ReferenceEvents): OfficeRecord[] {
  return events.offices.map((o) => {
    const [area, source] = [bilingual(o.work_area), sourceCitation(o.source)];
    return {
      key: `ref:office:${slug(o.name)}`,
      name: o.name,
      officeClass: o.class as OfficeClass,
      provinceCode: o.province_code,
      workAreaCodes: o.work_area_codes ?? [],
      workAreaNote: `${area.id} (sumber: ${source.id})`,
      textEn: { workAreaNote: `${area.en} (source: ${source.en})` },
      origin: ORIGIN,
    };
  });
}

/** A meeting's notes in one language: agenda, reported figures, risks, notes and the source article. */
function meetingNotes(m: ReferenceEvents['meetings'][number], lang: 'id' | 'en'): string[] {
  const words = lang === 'id' ? { agenda: 'Agenda', risk: 'Kerawanan', source: 'Sumber' } : { agenda: 'Agenda', risk: 'Risk', source: 'Source' };
  return [
    ...(m.agenda ?? []).map((a) => `${words.agenda}: ${bilingual(a)[lang]}`),
    ...Object.entries(m.figures ?? {}).map(([k, v]) => `${figureLabel(k)[lang]}: ${v}`),
    ...(m.risks ?? []).map((r) => `${words.risk} (${bilingual(r.category)[lang].toLowerCase()}): ${bilingual(r.detail)[lang]}`),
    ...(m.notes ?? []).map((n) => bilingual(n)[lang]),
    `${words.source}: ${sourceCitation(m.source)[lang]}`,
  ];
}

export function referenceMeetings(events: ReferenceEvents): MeetingRecord[] {
  return events.meetings.map((m) => {
    const title = bilingual(m.title);
    const organiser = bilingual(m.organiser);
    return {
      key: `ref:meeting:${m.date}:${m.regency_code}`,
      date: m.date,
      title: title.id,
      venue: m.venue,
      regencyCode: m.regency_code,
      organiser: organiser.id,
      attendees: m.attendees,
      notes: meetingNotes(m, 'id'),
      textEn: { title: title.en, organiser: organiser.en, notes: meetingNotes(m, 'en') },
      origin: ORIGIN,
    };
  });
}

/** Valid-holder counts a meeting reported, which the demo permits must reproduce. */
export function referencePins(events: ReferenceEvents): Array<{ regencyCode: string; date: string; itas: number; itap: number }> {
  return events.meetings.flatMap((m) => {
    const itas = m.figures?.itas_holders_onshore ?? m.figures?.itas_holders;
    const itap = m.figures?.itap_holders;
    return typeof itas === 'number' && typeof itap === 'number' ? [{ regencyCode: m.regency_code, date: m.date, itas, itap }] : [];
  });
}

export function referenceCompanies(events: ReferenceEvents): CompanyRecord[] {
  return events.companies.map((c) => ({ key: `ref:company:${slug(c.short)}`, name: c.name, sector: null, registrationNumber: null, origin: ORIGIN }));
}

/**
 * The sources name only the regency of the reference companies, so their site stands at the
 * regency's label point and says so in its name.
 */
export function referenceCompanySites(events: ReferenceEvents, labelOf: (regencyCode: string) => [number, number]): CompanySiteRecord[] {
  return events.companies.map((c) => ({
    key: `ref:company:${slug(c.short)}:site:1`,
    companyKey: `ref:company:${slug(c.short)}`,
    name: `${c.name} (lokasi hanya diketahui sampai kabupaten)`,
    textEn: { name: `${c.name} (location known only to the regency)` },
    position: labelOf(c.regency_code),
    origin: ORIGIN,
  }));
}

export function referenceOperations(
  events: ReferenceEvents,
  officeKeyOfRegency: (code: string) => string | null,
  labelOf: (regencyCode: string) => [number, number],
): OperationRecord[] {
  return events.operations.map((o) => ({
    key: `ref:operation:${o.date}:${o.regency_code}`,
    date: o.date,
    officeKey: officeKeyOfRegency(o.regency_code),
    team: o.team,
    regencyCode: o.regency_code,
    notes: [bilingual(o.kind).id, o.notes && bilingual(o.notes).id, `Sumber: ${sourceCitation(o.source).id}`].filter(Boolean).join('. '),
    textEn: { notes: [bilingual(o.kind).en, o.notes && bilingual(o.notes).en, `Source: ${sourceCitation(o.source).en}`].filter(Boolean).join('. ') },
    targets: o.targets.map((t) => ({
      place: t.place,
      kind: t.place_type === 'lodging' ? ('lodging' as const) : ('other' as const),
      // The article gives the place's name, not its coordinates: shown at the regency's label point.
      position: labelOf(o.regency_code),
      siteKey: null,
      foreignersChecked: t.foreigners_checked,
      violations: t.violations,
      outcome: t.violations > 0 ? ('violation' as const) : ('no_violation' as const),
      findings: `${t.foreigners_checked} WNA ${t.nationality}: ${bilingual(t.status_found).id}. Penjamin: ${t.employers.join(', ')}`,
      textEn: { findings: `${t.foreigners_checked} foreigners (${t.nationality}): ${bilingual(t.status_found).en}. Employers: ${t.employers.join(', ')}` },
      actions: [],
    })),
    origin: ORIGIN,
  }));
}

const RISK_CATEGORY: Record<string, RiskAreaRecord['category']> = {
  'non-procedural emigration of Indonesian workers': 'illegal_emigration_route',
  'social conflict': 'social_conflict',
};

/** Risks named at reference meetings, over the whole regency (the sources name no smaller place). */
export function referenceRiskAreas(events: ReferenceEvents, regencyGeometry: (code: string) => RiskAreaRecord['geometry']): RiskAreaRecord[] {
  return events.meetings.flatMap((m) =>
    (m.risks ?? []).flatMap((r, i) => {
      const category = RISK_CATEGORY[r.category];
      if (!category) return [];
      const [name, title, detail, source] = [bilingual(r.category), bilingual(m.title), bilingual(r.detail), sourceCitation(m.source)];
      return [
        {
          key: `ref:risk:${m.date}:${m.regency_code}:${i + 1}`,
          name: `${name.id} — ${title.id}`,
          category,
          severity: 'medium' as const,
          geometry: regencyGeometry(m.regency_code),
          validFrom: m.date,
          validTo: null,
          source: source.id,
          description: detail.id,
          textEn: { name: `${name.en} — ${title.en}`, description: detail.en, source: source.en },
          origin: ORIGIN,
        },
      ];
    }),
  );
}
