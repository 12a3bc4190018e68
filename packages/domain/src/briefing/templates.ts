// The three meetings the sources describe, as briefings generated for a regency and a date with one
// click (then edited): foreign workers' concentration and trend; the year's enforcement actions;
// risks (potensi kerawanan) and the proposed operation site.
import { EMPTY_SLIDE_VIEW, type BriefingContent, type BriefingLang, type Slide, type SlideView } from './types.js';

export const BRIEFING_TEMPLATES = ['concentration', 'enforcement', 'risks'] as const;
export type BriefingTemplate = (typeof BRIEFING_TEMPLATES)[number];

export interface TemplateInput {
  /** A regency (or province) code, e.g. 19.04. */
  areaCode: string;
  areaName: string;
  /** The meeting's day: permits are counted on it, periods end on it. */
  date: string;
  lang: BriefingLang;
  venue?: string;
}

const TEXT = {
  id: {
    concentration: 'Konsentrasi dan tren WNA pemegang ITAS/ITAP',
    enforcement: 'Tindakan administratif keimigrasian tahun',
    risks: 'Potensi kerawanan dan usulan lokasi operasi',
    holders: 'Pemegang ITAS dan ITAP',
    byDistrict: 'Sebaran per kecamatan dan lokasi perusahaan',
    trend: 'Tren bulanan pemegang izin tinggal',
    operations: 'Operasi dan temuan',
    risksMap: 'Potensi kerawanan dan TPI',
    proposal: 'Usulan lokasi operasi',
    noteHolders: 'Jumlah WNA pemegang izin tinggal yang berlaku pada tanggal rapat.',
    noteDistrict: 'Kecamatan dengan konsentrasi tertinggi dan perusahaan penjamin.',
    noteTrend: 'Perubahan jumlah pemegang izin tinggal per bulan.',
    noteOperations: 'Operasi gabungan sejak awal tahun dan hasilnya.',
    noteRisks: 'Wilayah rawan (kerja ilegal, overstay, konflik sosial, jalur pengiriman ilegal) dan tempat pemeriksaan imigrasi.',
    noteProposal: 'Kandidat sasaran menurut skor perencanaan; disepakati dalam rapat.',
  },
  en: {
    concentration: 'Concentration and trend of ITAS/ITAP holders',
    enforcement: 'Immigration administrative actions of',
    risks: 'Risks and the proposed operation site',
    holders: 'ITAS and ITAP holders',
    byDistrict: 'By district, with company sites',
    trend: 'Monthly trend of stay-permit holders',
    operations: 'Operations and findings',
    risksMap: 'Risk areas and entry points',
    proposal: 'Proposed operation site',
    noteHolders: 'Foreign nationals holding a valid stay permit on the day of the meeting.',
    noteDistrict: 'Districts with the highest concentration and the sponsoring companies.',
    noteTrend: 'How the number of stay-permit holders changed month by month.',
    noteOperations: 'Joint operations since the start of the year and their outcomes.',
    noteRisks: 'Risk areas (illegal work, overstay, social conflict, illegal emigration routes) and immigration checkpoints.',
    noteProposal: 'Candidate targets by the planning score; agreed in the meeting.',
  },
} as const;

function view(input: TemplateInput, changes: Partial<SlideView>): SlideView {
  return { ...EMPTY_SLIDE_VIEW, region: input.areaCode, asOf: input.date, ...changes };
}

function slides(input: TemplateInput, template: BriefingTemplate): Array<Omit<Slide, 'id'>> {
  const t = TEXT[input.lang];
  const yearStart = `${input.date.slice(0, 4)}-01-01`;
  switch (template) {
    case 'concentration':
      return [
        { title: `${t.holders} — ${input.areaName}`, note: t.noteHolders, view: view(input, {}), panels: [{ kind: 'figures' }] },
        { title: t.byDistrict, note: t.noteDistrict, view: view(input, { level: 'district', layers: ['sites'] }), panels: [{ kind: 'figures' }] },
        { title: t.trend, note: t.noteTrend, view: view(input, {}), panels: [{ kind: 'trend' }] },
      ];
    case 'enforcement':
      return [
        { title: `${t.holders} — ${input.areaName}`, note: t.noteHolders, view: view(input, {}), panels: [{ kind: 'figures' }] },
        {
          title: `${t.operations} ${yearStart.slice(0, 4)}`,
          note: t.noteOperations,
          view: view(input, { layers: ['operations'], from: yearStart, to: input.date }),
          panels: [{ kind: 'operations', limit: 10, findings: false }],
        },
      ];
    case 'risks':
      return [
        { title: `${t.holders} — ${input.areaName}`, note: t.noteHolders, view: view(input, {}), panels: [{ kind: 'figures' }] },
        { title: t.risksMap, note: t.noteRisks, view: view(input, { layers: ['risk', 'entry'] }), panels: [] },
        { title: t.proposal, note: t.noteProposal, view: view(input, { layers: ['sites', 'operations'] }), panels: [{ kind: 'candidates', limit: 10 }] },
      ];
  }
}

/** A new briefing for the meeting: title, date, venue, a mixed-agency audience (the safe default), its slides. */
export function briefingFromTemplate(template: BriefingTemplate, input: TemplateInput): BriefingContent {
  const t = TEXT[input.lang];
  const heading = template === 'enforcement' ? `${t.enforcement} ${input.date.slice(0, 4)}` : t[template];
  return {
    title: `${heading} — ${input.areaName}`,
    date: input.date,
    venue: input.venue ?? '',
    audience: 'mixed_agency',
    lang: input.lang,
    areaCode: input.areaCode,
    slides: slides(input, template).map((slide, index) => ({ id: `s${index + 1}`, ...slide })),
  };
}

/** An id for a new slide that no slide of the briefing has yet. */
export function newSlideId(slides: readonly Pick<Slide, 'id'>[]): string {
  const taken = new Set(slides.map((slide) => slide.id));
  for (let n = slides.length + 1; ; n++) if (!taken.has(`s${n}`)) return `s${n}`;
}

/** Slide editing shared by the builder: move, duplicate (new id, right after), delete. */
export function moveSlide<S>(slides: readonly S[], from: number, to: number): S[] {
  if (from < 0 || from >= slides.length || to < 0 || to >= slides.length) return [...slides];
  const next = [...slides];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as S);
  return next;
}

export function duplicateSlide(slides: readonly Slide[], index: number): Slide[] {
  const original = slides[index];
  if (!original) return [...slides];
  const copy = { ...structuredClone(original), id: newSlideId(slides) };
  return [...slides.slice(0, index + 1), copy, ...slides.slice(index + 1)];
}
