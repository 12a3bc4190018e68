// One public report with everything the record route serves (the list's fields, its areas, the text,
// address and reporter's contact, which the route leaves out for roles without personal data).
import { sql } from 'drizzle-orm';
import type { ReportDetailAnswer, Scope } from '@pantau/domain';
import { queryOne, type Executor } from '../connect.js';
import { scopeCondition } from './scope.js';

/** The report, or null when there is none with this id in the scope (alike). */
export async function findReport(db: Executor, id: number, scope: Scope): Promise<Required<ReportDetailAnswer> | null> {
  const r = await queryOne<{
    id: number;
    received_at: string;
    channel: string;
    category: string;
    status: string;
    lng: number;
    lat: number;
    district_code: string | null;
    regency_code: string | null;
    province_code: string | null;
    external_id: string | null;
    summary: string | null;
    address: string | null;
    reporter_contact: string | null;
    origin: string;
  }>(
    db,
    sql`
    select id, to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as received_at, channel, category, status, ST_X(geom) as lng, ST_Y(geom) as lat,
      district_code, regency_code, province_code, external_id, summary, address, reporter_contact, origin
    from reports where id = ${id} and ${scopeCondition(sql`coalesce(district_code, regency_code, province_code)`, scope)}`,
  );
  if (!r) return null;
  const r6 = (v: unknown) => Math.round(Number(v) * 1e6) / 1e6;
  return {
    id: Number(r.id),
    receivedAt: r.received_at,
    channel: r.channel,
    category: r.category,
    status: r.status,
    lng: r6(r.lng),
    lat: r6(r.lat),
    districtCode: r.district_code,
    regencyCode: r.regency_code,
    provinceCode: r.province_code,
    externalId: r.external_id,
    summary: r.summary,
    address: r.address,
    reporterContact: r.reporter_contact,
    origin: r.origin,
  };
}
