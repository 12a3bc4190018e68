// Operation plans: reads, every one scoped. A plan is visible to a scope holding its own area code
// (the same rule as its row-level security policy), so a province-wide plan is not an office's; a plan
// for an office's work area (`office:<key>`) also to a scope holding any regency of its work area.
// Targets are read by their own codes: a target outside the scope is never shown.
import { sql, type SQL } from 'drizzle-orm';
import {
  completeWeights,
  inScope,
  type CandidateKind,
  type FactorValues,
  type PlanListItem,
  type PlanStatus,
  type PlanTeam,
  type Scope,
  type TargetOutcome,
  type Weights,
} from '@pantau/domain';
import { queryOne, queryRows, type Executor } from '../connect.js';
import { validHolders } from './people-count.js';
import { REPORT_CLUSTER, REPORT_CLUSTER_NAME } from './planning.js';
import { scopeCondition } from './scope.js';
import type { TextLang } from './text-language.js';

export interface PlanTargetRow {
  id: number;
  order: number;
  candidateId: string;
  kind: CandidateKind;
  name: string;
  location: { lng: number; lat: number };
  areaCodes: { province: string | null; regency: string | null; district: string | null };
  score: number;
  factors: FactorValues;
  contributions: FactorValues;
  explanation: { id: string; en: string };
  expectedForeigners: number;
  teamKey: string | null;
  notes: string | null;
  legKm: number | null;
  companySiteId: number | null;
  companyId: number | null;
  lastOperationId: number | null;
  districtName: string | null;
  regencyName: string | null;
  outcome: null | { operationTargetId: number; foreignersChecked: number; violations: number; outcome: TargetOutcome };
}

export interface PlanRow {
  id: number;
  title: string;
  date: string;
  areaCode: string;
  areaName: string;
  status: PlanStatus;
  weights: Weights;
  notes: string | null;
  teams: PlanTeam[];
  routeStart: { lng: number; lat: number } | null;
  routeKm: number;
  provinceCode: string;
  regencyCode: string | null;
  districtCode: string | null;
  /** A work-area plan's regencies (within its creator's scope at creation) that the reader's scope holds; null for an area plan. */
  workAreaCodes: string[] | null;
  operationId: number | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  targets: PlanTargetRow[];
  /** People expected at the targets the reader sees, each counted once (see `peopleAtPlanTargets`). */
  expectedPeople: number;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: unknown): string => new Date(v as string).toISOString();
const codeList = (value: unknown): string[] | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value.replace(/[{}]/g, '').split(',').filter(Boolean) : (value as string[]);

/** The plans_scope policy's rule (migrations 0006, 0009): the plan's own area, or any regency of its work area. */
export function planVisible(scope: Scope): SQL {
  const own = scopeCondition(sql`coalesce(p.district_code, p.regency_code, p.province_code)`, scope);
  if (scope === null) return own;
  return sql`(${own} or p.work_area_codes && string_to_array(${scope.areaCodes.join(',')}, ','))`;
}

/** The plan_targets_scope policy's rule: a target is seen by its own codes. */
export const planTargetVisible = (scope: Scope): SQL => scopeCondition(sql`coalesce(t.district_code, t.regency_code, t.province_code)`, scope);

/**
 * People expected at a plan's targets on its day, each counted once (issue 20): a district's residents
 * and the workers of a company site inside it are partly the same people, so a plan's total is not the
 * sum of its targets' figures. The targets' own definitions (planning.ts): a site's company's people in
 * the site's regency, a district's residents, the people of companies with a site near a report cluster.
 * `planId` and `day` are read inside a query over permits `p`: they must not name another table `p`.
 */
function peopleAtPlanTargets(planId: SQL, day: SQL, scope: Scope): SQL {
  const target = sql`t.plan_id = ${planId} and ${planTargetVisible(scope)}`;
  const nearCluster = sql`(s.geom && ST_Expand(t.geom, ${REPORT_CLUSTER.siteMetres / 100_000}) and ST_DWithin(s.geom::geography, t.geom::geography, ${REPORT_CLUSTER.siteMetres}))`;
  return sql`(select count(*) from (${validHolders({
    day,
    filter: {},
    where: sql`
    p.regency_code in (select t.regency_code from plan_targets t where ${target}) and ${scopeCondition(sql`p.regency_code`, scope)}
    and exists (select 1 from plan_targets t where ${target} and t.regency_code = p.regency_code and (
      (t.kind = 'company_site' and p.sponsor_company_id = (select cs.company_id from company_sites cs where cs.id = t.company_site_id))
      or (t.kind = 'district' and p.district_code = t.district_code)
      or (t.kind = 'report_cluster' and p.sponsor_company_id in (select s.company_id from company_sites s where ${nearCluster}))))`,
  })}) people)::int`;
}

/** A plan's area name: the area's, or the office's for a work-area plan. */
const AREA_JOIN = sql`left join areas a on a.code = p.area_code left join offices o on p.area_code like 'office:%' and o.key = substr(p.area_code, 8)`;

/**
 * A target's name in `lang`: a plan keeps its targets' names as saved (in Indonesian); in English a
 * company site reads with its site's English name and a report cluster with its English label.
 */
function targetName(lang: TextLang | undefined): SQL {
  if (lang !== 'en') return sql`t.name`;
  return sql`case
    when cs.text_en ->> 'name' is not null then c.name || ' — ' || (cs.text_en ->> 'name')
    when t.kind = 'report_cluster' and starts_with(t.name, ${REPORT_CLUSTER_NAME.id}::text) then ${REPORT_CLUSTER_NAME.en}::text || substr(t.name, ${REPORT_CLUSTER_NAME.id.length + 1}::int)
    else t.name end`;
}

/** One plan with its targets in route order and their recorded outcomes; null when missing or outside the scope. */
export async function findPlan(db: Executor, id: number, scope: Scope, lang?: TextLang): Promise<PlanRow | null> {
  const p = await queryOne<Record<string, unknown>>(
    db,
    sql`
    select p.*, p.date::text as day, coalesce(a.name, o.name) as area_name from plans p ${AREA_JOIN}
    where p.id = ${id} and ${planVisible(scope)}`,
  );
  if (!p) return null;
  const targets = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select t.*, ${targetName(lang)} as name, ST_X(t.geom) as lng, ST_Y(t.geom) as lat,
      ot.foreigners_checked as ot_checked, ot.violations as ot_violations, ot.outcome as ot_outcome, ad.name as district_name, ar.name as regency_name
    from plan_targets t left join operation_targets ot on ot.id = t.operation_target_id
      left join areas ad on ad.code = t.district_code left join areas ar on ar.code = t.regency_code
      left join company_sites cs on cs.id = t.company_site_id left join companies c on c.id = cs.company_id
    where t.plan_id = ${id} and ${planTargetVisible(scope)} order by t.ord`,
  );
  const people = await queryOne<{ n: number }>(db, sql`select ${peopleAtPlanTargets(sql`${id}::int`, sql`${p.day as string}::date`, scope)} as n`);
  return {
    id: Number(p.id),
    title: p.title as string,
    date: p.day as string,
    areaCode: p.area_code as string,
    areaName: (p.area_name as string | null) ?? (p.area_code as string),
    status: p.status as PlanStatus,
    weights: completeWeights(json<Partial<Weights>>(p.weights)),
    notes: (p.notes as string | null) ?? null,
    teams: json<PlanTeam[]>(p.teams),
    routeStart: json<{ lng: number; lat: number } | null>(p.route_start ?? null),
    routeKm: Number(p.route_km),
    provinceCode: p.province_code as string,
    regencyCode: (p.regency_code as string | null) ?? null,
    districtCode: (p.district_code as string | null) ?? null,
    workAreaCodes: codeList(p.work_area_codes)?.filter((code) => inScope(scope, code)) ?? null,
    operationId: p.operation_id === null ? null : Number(p.operation_id),
    createdBy: p.created_by as string,
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
    approvedBy: (p.approved_by as string | null) ?? null,
    approvedAt: p.approved_at ? iso(p.approved_at) : null,
    targets: targets.map((t) => ({
      id: Number(t.id),
      order: Number(t.ord),
      candidateId: t.candidate_id as string,
      kind: t.kind as CandidateKind,
      name: t.name as string,
      location: { lng: Number(t.lng), lat: Number(t.lat) },
      areaCodes: {
        province: (t.province_code as string | null) ?? null,
        regency: (t.regency_code as string | null) ?? null,
        district: (t.district_code as string | null) ?? null,
      },
      score: Number(t.score),
      factors: json<FactorValues>(t.factors),
      contributions: json<FactorValues>(t.contributions),
      explanation: json<{ id: string; en: string }>(t.explanation),
      expectedForeigners: Number(t.expected_foreigners),
      teamKey: (t.team_key as string | null) ?? null,
      notes: (t.notes as string | null) ?? null,
      legKm: t.leg_km === null ? null : Number(t.leg_km),
      companySiteId: t.company_site_id === null ? null : Number(t.company_site_id),
      companyId: t.company_id === null ? null : Number(t.company_id),
      lastOperationId: t.last_operation_id === null ? null : Number(t.last_operation_id),
      districtName: (t.district_name as string | null) ?? null,
      regencyName: (t.regency_name as string | null) ?? null,
      outcome:
        t.operation_target_id === null || t.ot_outcome === null
          ? null
          : {
              operationTargetId: Number(t.operation_target_id),
              foreignersChecked: Number(t.ot_checked),
              violations: Number(t.ot_violations),
              outcome: t.ot_outcome as TargetOutcome,
            },
    })),
    expectedPeople: Number(people?.n ?? 0),
  };
}

/**
 * An office's plans: its work-area plans, and the plans of an area inside its work area (a regency, or a
 * district of one): the office head plans Bangka Tengah alone as often as the whole work area.
 */
function officeAreaCondition(area: string): SQL {
  const officeKey = area.slice('office:'.length);
  return sql`(p.area_code = ${area} or exists (
    select 1 from office_work_areas w join offices o on o.id = w.office_id
    where o.key = ${officeKey} and (p.area_code = w.regency_code or p.area_code like w.regency_code || '.%')))`;
}

/**
 * Plans in the scope, newest day first; optionally of one status and of one area: an area code lists the
 * plans of that area or inside it and the work-area plans covering a regency inside it; `office:<key>`
 * lists that office's work-area plans and the plans of areas inside its work area. Counts are of the targets the scope sees.
 */
export async function listPlans(db: Executor, filter: { status?: PlanStatus; area?: string }, scope: Scope): Promise<PlanListItem[]> {
  const area = filter.area;
  // The people count reads permits as `p`: the plans are named `x` around it.
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
    select x.*, ${peopleAtPlanTargets(sql`x.id`, sql`x.date`, scope)} as expected from (
    select p.id, p.title, p.date, p.date::text as day, p.area_code, coalesce(a.name, o.name) as area_name, p.status, p.updated_at,
      (select count(*) from plan_targets t where t.plan_id = p.id and ${planTargetVisible(scope)})::int as target_count
    from plans p ${AREA_JOIN}
    where ${planVisible(scope)} and ${filter.status ? sql`p.status = ${filter.status}` : sql`true`}
      and ${
        area === undefined
          ? sql`true`
          : area.startsWith('office:')
            ? officeAreaCondition(area)
            : sql`(p.area_code = ${area} or p.area_code like ${`${area}.%`} or exists (select 1 from unnest(p.work_area_codes) w(code) where w.code = ${area} or w.code like ${`${area}.%`}))`
      }
    order by p.date desc, p.id desc limit 500) x
    order by x.date desc, x.id desc`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    title: r.title as string,
    date: r.day as string,
    areaCode: r.area_code as string,
    areaName: (r.area_name as string | null) ?? (r.area_code as string),
    status: r.status as PlanStatus,
    targetCount: Number(r.target_count),
    expectedForeigners: Number(r.expected),
    updatedAt: iso(r.updated_at),
  }));
}
