// A briefing for a coordination meeting (Rakor Timpora): slides, each a captured map view with a
// title, a presenter's note and optional panels. Pure types and zod schemas, shared by the API (it
// validates what it stores), the web app (builder, present mode, print page) and the tests.
import { z } from 'zod';
import { PERMIT_PURPOSES, PERMIT_TYPES } from '../constants.js';
import { areaCode, nationalityCode, requestDate as isoDate } from '../schemas.js';

/** Layers over the choropleth, in the dashboard URL's spelling (`layers=sites,operations`). */
export const SLIDE_LAYERS = ['sites', 'operations', 'risk', 'entry', 'reports', 'meetings'] as const;
export const SLIDE_LEVELS = ['province', 'regency', 'district'] as const;
export const SLIDE_MEASURES = ['count', 'density'] as const;

/**
 * Who sits in the room. `internal`: immigration staff only, panels as the presenter's role allows.
 * `mixed_agency`: officials of many agencies — no personal data, whatever the presenter's role.
 */
export const BRIEFING_AUDIENCES = ['internal', 'mixed_agency'] as const;
export type BriefingAudience = (typeof BRIEFING_AUDIENCES)[number];

export const BRIEFING_LANGS = ['id', 'en'] as const;
export type BriefingLang = (typeof BRIEFING_LANGS)[number];

/** Panels beside a slide's map: figures for the area, the monthly trend, monthly arrivals, candidate targets, last operations. */
export const PANEL_KINDS = ['figures', 'trend', 'arrivals', 'candidates', 'operations'] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

export const mapPositionSchema = z.object({
  zoom: z.number().min(0).max(22),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

/** The map view a slide shows: the dashboard's view state without page, panel and language. */
export const slideViewSchema = z.object({
  region: areaCode.nullable(),
  level: z.enum(SLIDE_LEVELS).nullable(),
  map: mapPositionSchema.nullable(),
  layers: z.array(z.enum(SLIDE_LAYERS)).max(SLIDE_LAYERS.length),
  permitTypes: z.array(z.enum(PERMIT_TYPES)).max(PERMIT_TYPES.length),
  nationalities: z.array(nationalityCode).max(300),
  purposes: z.array(z.enum(PERMIT_PURPOSES)).max(PERMIT_PURPOSES.length),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  asOf: isoDate.nullable(),
  measure: z.enum(SLIDE_MEASURES),
});
export type SlideView = z.infer<typeof slideViewSchema>;
export type SlideMapPosition = z.infer<typeof mapPositionSchema>;

export const panelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('figures') }),
  z.object({ kind: z.literal('trend') }),
  /** Arrivals of the area's people per month (counts only). */
  z.object({ kind: z.literal('arrivals') }),
  z.object({ kind: z.literal('candidates'), limit: z.number().int().min(1).max(20) }),
  /** `findings`: the free-text findings of each target, which can name people (personal data). */
  z.object({ kind: z.literal('operations'), limit: z.number().int().min(1).max(20), findings: z.boolean() }),
]);
export type SlidePanel = z.infer<typeof panelSchema>;

export const slideSchema = z.object({
  /** Stable within the briefing, so reordering keeps keys and links (`slide=<id>`). */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes'),
  title: z.string().max(200),
  /** The presenter's note (speaker notes in the PPTX). */
  note: z.string().max(4000),
  view: slideViewSchema,
  panels: z
    .array(panelSchema)
    .max(PANEL_KINDS.length)
    .refine((panels) => new Set(panels.map((panel) => panel.kind)).size === panels.length, 'each panel kind at most once'),
});
export type Slide = z.infer<typeof slideSchema>;

export const MAX_SLIDES = 60;

/** What the client sends and the server stores (besides owner and timestamps). */
export const briefingContentSchema = z.object({
  title: z.string().trim().min(1, 'a title').max(200),
  date: isoDate,
  venue: z.string().max(200),
  audience: z.enum(BRIEFING_AUDIENCES),
  lang: z.enum(BRIEFING_LANGS),
  /** The area the briefing is about; who may read it follows from it (a regency or province code, null = national). */
  areaCode: areaCode.nullable(),
  slides: z
    .array(slideSchema)
    .max(MAX_SLIDES)
    .refine((slides) => new Set(slides.map((slide) => slide.id)).size === slides.length, 'slide ids must be unique'),
});
export type BriefingContent = z.infer<typeof briefingContentSchema>;

export interface Briefing extends BriefingContent {
  id: number;
  ownerId: number;
  ownerEmail: string;
  createdAt: string;
  updatedAt: string;
}

export const EMPTY_SLIDE_VIEW: SlideView = {
  region: null,
  level: null,
  map: null,
  layers: [],
  permitTypes: [],
  nationalities: [],
  purposes: [],
  from: null,
  to: null,
  asOf: null,
  measure: 'count',
};
