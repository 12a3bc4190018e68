// Briefings: read under the caller's scope (row-level security, migration 0007, plus the same
// condition here), changed only by their owner.
import type { Briefing, BriefingContent } from '@pantau/domain';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor, Orm } from '../connect.js';
import { briefings } from '../schema/briefings.js';

type Row = typeof briefings.$inferSelect;

export interface BriefingSummary {
  id: number;
  title: string;
  date: string;
  venue: string;
  audience: Briefing['audience'];
  lang: Briefing['lang'];
  areaCode: string | null;
  ownerId: number;
  ownerEmail: string;
  slideCount: number;
  updatedAt: string;
}

const iso = (value: string) => new Date(value).toISOString();

function toBriefing(row: Row): Briefing {
  return {
    id: row.id,
    ownerId: row.ownerId,
    ownerEmail: row.ownerEmail,
    title: row.title,
    date: row.date,
    venue: row.venue,
    audience: row.audience,
    lang: row.lang,
    areaCode: row.areaCode,
    slides: row.slides,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The province and regency columns the row-level security policy reads. */
function areaColumns(areaCode: string | null) {
  return { areaCode, provinceCode: areaCode?.slice(0, 2) ?? null, regencyCode: areaCode && areaCode.length >= 5 ? areaCode.slice(0, 5) : null };
}

const orm = (db: Executor) => db as Orm;

export async function listBriefings(db: Executor): Promise<BriefingSummary[]> {
  const rows = await orm(db)
    .select({
      id: briefings.id,
      title: briefings.title,
      date: briefings.date,
      venue: briefings.venue,
      audience: briefings.audience,
      lang: briefings.lang,
      areaCode: briefings.areaCode,
      ownerId: briefings.ownerId,
      ownerEmail: briefings.ownerEmail,
      updatedAt: briefings.updatedAt,
      slideCount: sql<number>`jsonb_array_length(${briefings.slides})`,
    })
    .from(briefings)
    .orderBy(desc(briefings.updatedAt), desc(briefings.id))
    .limit(500);
  return rows.map((row) => ({ ...row, slideCount: Number(row.slideCount), updatedAt: iso(row.updatedAt) }));
}

export async function getBriefing(db: Executor, id: number): Promise<Briefing | null> {
  const [row] = await orm(db).select().from(briefings).where(eq(briefings.id, id));
  return row ? toBriefing(row) : null;
}

/** The columns a briefing's content fills, on insert and update alike. */
const contentColumns = (content: BriefingContent) => ({
  title: content.title,
  date: content.date,
  venue: content.venue,
  audience: content.audience,
  lang: content.lang,
  ...areaColumns(content.areaCode),
  slides: content.slides,
});

export async function insertBriefing(db: Executor, owner: { id: number; email: string }, content: BriefingContent, now: Date): Promise<Briefing> {
  const [row] = await orm(db)
    .insert(briefings)
    .values({
      ownerId: owner.id,
      ownerEmail: owner.email,
      ...contentColumns(content),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .returning();
  if (!row) throw new Error('briefing insert returned no row');
  return toBriefing(row);
}

/** Replaces the content of the owner's briefing; null when it is not theirs (or not visible). */
export async function updateBriefing(db: Executor, id: number, ownerId: number, content: BriefingContent, now: Date): Promise<Briefing | null> {
  const [row] = await orm(db)
    .update(briefings)
    .set({
      ...contentColumns(content),
      updatedAt: now.toISOString(),
    })
    .where(and(eq(briefings.id, id), eq(briefings.ownerId, ownerId)))
    .returning();
  return row ? toBriefing(row) : null;
}

export async function deleteBriefing(db: Executor, id: number, ownerId: number): Promise<boolean> {
  const rows = await orm(db)
    .delete(briefings)
    .where(and(eq(briefings.id, id), eq(briefings.ownerId, ownerId)))
    .returning({ id: briefings.id });
  return rows.length > 0;
}
