// The one write path of operation plans: create, change, approve, delete, and record the outcome
// (which becomes an operation through the same writer as imports). Each action is validated, runs in
// one transaction with its audit row, and takes the caller's scope: a plan or area outside it is
// reported exactly like a missing one.
import {
  companySites,
  expectWritten,
  findArea,
  findPlan,
  operations,
  planningCandidates,
  plans,
  queryOne,
  queryRows,
  sql,
  workAreaOf,
  type Orm,
  type PlanRow,
  type PlanningCandidate,
} from '@pantau/db';
import {
  DEFAULT_WEIGHTS,
  explainCandidate,
  inScope,
  officeKeyOfArea,
  orderRoute,
  planCreateInput,
  planOutcomeInput,
  planPatchInput,
  planTransitionAllowed,
  rankCandidates,
  type OperationRecord,
  type PlanCreateInput,
  type PlanOutcomeInput,
  type PlanPatchInput,
  type PlanStatus,
  type PlanTeam,
  type Scope,
  type Weights,
} from '@pantau/domain';
import type { z } from 'zod';
import { writeAudit } from '../accounts/audit.js';
import type { Actor } from '../accounts/users.js';
import { jsonParam } from '../write/area-lookup.js';
import { RecordValidationError } from '../write/validate.js';
import { writeOperations } from '../write/write-operations.js';
import { actOnReportsNear } from '../reports/reports.js';

export type PlanErrorCode = 'invalid_parameter' | 'plan_not_found' | 'plan_not_draft' | 'plan_not_approved' | 'area_not_found' | 'forbidden';

/** A refused plan action; nothing of it was written. `details` name the fields for invalid_parameter. */
export class PlanError extends Error {
  constructor(
    readonly code: PlanErrorCode,
    message: string,
    readonly details?: Array<{ parameter: string; message: string }>,
  ) {
    super(message);
    this.name = 'PlanError';
  }
}

export interface PlanContext {
  scope: Scope;
  actor: Actor;
  /** May approve plans and take an approval back (permissions.planning.approve). */
  mayApprove: boolean;
  /** The acting user's office, for the operation an outcome records. */
  officeKey?: string | null;
  now?: Date;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ parameter: i.path.join('.') || '(body)', message: i.message }));
  throw invalid(details);
}

const invalid = (details: Array<{ parameter: string; message: string }>) =>
  new PlanError(
    'invalid_parameter',
    `Invalid parameter: ${[...new Set(details.map((d) => d.parameter))].join(', ')}. ${details.map((d) => `${d.parameter}: ${d.message}`).join('; ')}`,
    details,
  );

const notFound = () => new PlanError('plan_not_found', 'No plan with this id in your scope.');

/** The area's own codes, which scope the plan (and its row-level security policy). */
function areaCodes(code: string) {
  const parts = code.split('.');
  return { province: parts[0]!, regency: parts.length >= 2 ? parts.slice(0, 2).join('.') : null, district: parts.length >= 3 ? code : null };
}

/**
 * A plan's area as the scope sees it: an area code in the scope, or an office's work area (its regencies
 * within the scope, as the candidates route resolves it). Null = not there or not in the scope, alike.
 */
async function planArea(tx: Orm, code: string, scope: Scope): Promise<PlanArea | null> {
  const officeKey = officeKeyOfArea(code);
  if (officeKey !== null) {
    const workArea = await workAreaOf(tx, officeKey, scope);
    return workArea && { code, province: workArea.provinceCode, regency: null, district: null, workAreaCodes: workArea.regencyCodes, officeKey };
  }
  const area = inScope(scope, code) ? await findArea(tx, code, scope) : null;
  return area && { code, ...areaCodes(code), workAreaCodes: null, officeKey: null };
}

interface PlanArea {
  code: string;
  province: string;
  regency: string | null;
  district: string | null;
  /** A work area's regencies in the scope; null for an area code. */
  workAreaCodes: string[] | null;
  officeKey: string | null;
}

/** The candidates a plan's targets are picked from: the area's, or the work area's regencies' together. */
function candidatesOf(tx: Orm, area: PlanArea, date: string, scope: Scope) {
  return area.workAreaCodes ? planningCandidates(tx, null, date, { areaCodes: area.workAreaCodes }) : planningCandidates(tx, area.code, date, scope);
}

interface TargetChoice {
  candidateId: string;
  teamKey?: string | null | undefined;
  notes?: string | null | undefined;
}

/**
 * The server's view of the chosen candidates: looked up among the area's candidates on the plan's
 * day with the plan's weights (never the client's figures), then put in route order.
 */
async function resolveTargets(
  tx: Orm,
  area: PlanArea,
  date: string,
  scope: Scope,
  weights: Weights,
  chosen: readonly TargetChoice[],
  start: { lng: number; lat: number } | null,
) {
  const candidates = await candidatesOf(tx, area, date, scope);
  const ranked = new Map(rankCandidates(candidates, weights).map((r) => [r.candidate.id, r]));
  const missing = chosen.flatMap((t, i) =>
    ranked.has(t.candidateId) ? [] : [{ parameter: `targets.${i}.candidateId`, message: `no candidate ${t.candidateId} in area ${area.code} on ${date}` }],
  );
  if (missing.length) throw invalid(missing);
  const picked = chosen.map((t) => ({ choice: t, ranked: ranked.get(t.candidateId)! }));
  const route = orderRoute(
    picked.map((p) => p.ranked.candidate.location),
    start,
  );
  const rows = route.order.map((i, k) => {
    const { choice, ranked: r } = picked[i]!;
    const c: PlanningCandidate = r.candidate;
    return {
      ord: k + 1,
      candidate_id: c.id,
      kind: c.kind,
      name: c.name,
      lng: c.location.lng,
      lat: c.location.lat,
      province_code: c.areaCodes.province,
      regency_code: c.areaCodes.regency,
      district_code: c.areaCodes.district,
      company_site_id: c.kind === 'company_site' ? Number(c.id.slice('site:'.length)) : null,
      company_id: c.companyId,
      last_operation_id: c.lastOperationId,
      score: r.score,
      factors: r.factors,
      contributions: r.contributions,
      explanation: { id: explainCandidate(c, 'id', weights), en: explainCandidate(c, 'en', weights) },
      expected_foreigners: c.raw.activeHolders,
      team_key: choice.teamKey ?? null,
      notes: choice.notes ?? null,
      leg_km: route.legKm[i],
    };
  });
  return { rows, totalKm: route.totalKm };
}

type TargetRow = Awaited<ReturnType<typeof resolveTargets>>['rows'][number];

async function insertTargets(tx: Orm, planId: number, rows: readonly TargetRow[]): Promise<void> {
  const written = await queryRows<{ id: number }>(
    tx,
    sql`
    insert into plan_targets (plan_id, ord, candidate_id, kind, name, geom, province_code, regency_code, district_code, company_site_id, company_id,
      last_operation_id, score, factors, contributions, explanation, expected_foreigners, team_key, notes, leg_km)
    select ${planId}, r.ord, r.candidate_id, r.kind, r.name, ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326), r.province_code, r.regency_code, r.district_code,
      r.company_site_id, r.company_id, r.last_operation_id, r.score, r.factors, r.contributions, r.explanation, r.expected_foreigners, r.team_key, r.notes, r.leg_km
    from jsonb_to_recordset(${jsonParam(rows)}) as r(ord int, candidate_id text, kind text, name text, lng float8, lat float8, province_code text, regency_code text,
      district_code text, company_site_id int, company_id int, last_operation_id int, score float8, factors jsonb, contributions jsonb, explanation jsonb,
      expected_foreigners int, team_key text, notes text, leg_km float8)
    returning id`,
  );
  expectWritten('plan targets', rows.length, written.length);
}

const weightsOf = (given: Partial<Weights> | undefined, base: Weights = DEFAULT_WEIGHTS): Weights => ({ ...base, ...given });

/** Creates a draft plan; returns its id. */
export async function createPlan(orm: Orm, input: unknown, ctx: PlanContext): Promise<number> {
  const body: PlanCreateInput = parse(planCreateInput, input);
  const now = (ctx.now ?? new Date()).toISOString();
  return orm.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Orm;
    const area = await planArea(tx, body.areaCode, ctx.scope);
    if (!area) throw new PlanError('area_not_found', `No area with code ${body.areaCode}.`);
    const weights = weightsOf(body.weights);
    const start = body.start ?? null;
    const { rows, totalKm } = await resolveTargets(tx, area, body.date, ctx.scope, weights, body.targets, start);
    const [plan] = await tx
      .insert(plans)
      .values({
        title: body.title,
        date: body.date,
        areaCode: body.areaCode,
        provinceCode: area.province,
        regencyCode: area.regency,
        districtCode: area.district,
        workAreaCodes: area.workAreaCodes,
        status: 'draft',
        weights,
        notes: body.notes ?? null,
        teams: body.teams ?? [],
        routeStart: start,
        routeKm: totalKm,
        createdBy: ctx.actor.actor,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: plans.id });
    expectWritten('plans', 1, plan ? 1 : 0);
    await insertTargets(tx, plan!.id, rows);
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: 'plan.create',
        areaCode: body.areaCode,
        target: `plan:${plan!.id}`,
        details: { title: body.title, date: body.date, targets: rows.length },
      },
      ctx.now,
    );
    return plan!.id;
  });
}

/**
 * The plan, locked for the rest of the transaction; missing and out of scope alike. A work-area plan may
 * reach beyond the caller's scope: only someone who sees every one of its targets changes it.
 */
async function lockPlan(tx: Orm, id: number, scope: Scope): Promise<PlanRow> {
  const locked = await queryOne<{ id: number; targets: number }>(
    tx,
    sql`
    select id, (select count(*) from plan_targets t where t.plan_id = ${id})::int as targets from plans where id = ${id} for update`,
  );
  const plan = locked ? await findPlan(tx, id, scope) : null;
  if (!plan) throw notFound();
  if (Number(locked!.targets) !== plan.targets.length) {
    throw new PlanError('forbidden', `Plan ${id} has targets outside your scope: only someone who sees all of them may change it.`);
  }
  return plan;
}

/** The area an existing plan's targets are picked from: its work area as it was saved, within the scope. */
async function areaOfPlan(tx: Orm, plan: PlanRow, scope: Scope): Promise<PlanArea> {
  const area = await planArea(tx, plan.areaCode, scope);
  if (!area) throw notFound();
  if (area.workAreaCodes && plan.workAreaCodes) {
    const saved = new Set(plan.workAreaCodes);
    area.workAreaCodes = area.workAreaCodes.filter((code) => saved.has(code));
    if (!area.workAreaCodes.length) throw notFound();
  }
  return area;
}

/** Changes a plan: content only while a draft; status draft ⇄ approved (with the approve permission). */
export async function updatePlan(orm: Orm, id: number, input: unknown, ctx: PlanContext): Promise<void> {
  const patch: PlanPatchInput = parse(planPatchInput, input);
  const now = (ctx.now ?? new Date()).toISOString();
  await orm.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Orm;
    const plan = await lockPlan(tx, id, ctx.scope);
    let status: PlanStatus = plan.status;
    if (patch.status && patch.status !== status) {
      if (!planTransitionAllowed(status, patch.status)) {
        throw new PlanError(status === 'done' ? 'plan_not_draft' : 'invalid_parameter', `A ${status} plan cannot become ${patch.status}.`, [
          { parameter: 'status', message: `not from ${status}` },
        ]);
      }
      if (!ctx.mayApprove) throw new PlanError('forbidden', 'Your role may not approve plans or take an approval back.');
    }
    // Taking an approval back comes first, so one request may reopen and edit a plan.
    if (patch.status === 'draft') status = 'draft';
    const content = (['title', 'date', 'notes', 'teams', 'targets', 'weights', 'start'] as const).filter((k) => patch[k] !== undefined);
    if (content.length && status !== 'draft') throw new PlanError('plan_not_draft', `Plan ${id} is ${status}: only drafts change (${content.join(', ')}).`);

    const teams: PlanTeam[] = patch.teams ?? plan.teams;
    const date = patch.date ?? plan.date;
    const weights = weightsOf(patch.weights, patch.weights ? DEFAULT_WEIGHTS : plan.weights);
    const start = patch.start !== undefined ? patch.start : plan.routeStart;
    const choices: TargetChoice[] = patch.targets ?? plan.targets.map((t) => ({ candidateId: t.candidateId, teamKey: t.teamKey, notes: t.notes }));
    const teamKeys = new Set(teams.map((t) => t.key));
    const orphans = choices.flatMap((t, i) =>
      t.teamKey && !teamKeys.has(t.teamKey)
        ? [{ parameter: patch.targets ? `targets.${i}.teamKey` : 'teams', message: `no team with key ${t.teamKey} (target ${t.candidateId})` }]
        : [],
    );
    if (orphans.length) throw invalid(orphans);

    let routeKm = plan.routeKm;
    if (patch.targets || patch.date || patch.weights || patch.start !== undefined) {
      const resolved = await resolveTargets(tx, await areaOfPlan(tx, plan, ctx.scope), date, ctx.scope, weights, choices, start);
      await tx.execute(sql`delete from plan_targets where plan_id = ${id}`);
      await insertTargets(tx, id, resolved.rows);
      routeKm = resolved.totalKm;
    }
    if (patch.status === 'approved' && plan.status !== 'approved') status = 'approved';
    const approving = status === 'approved' && plan.status !== 'approved';
    await tx.execute(sql`
      update plans set title = ${patch.title ?? plan.title}, date = ${date}::date, notes = ${patch.notes !== undefined ? patch.notes : plan.notes},
        teams = ${jsonParam(teams)}, weights = ${jsonParam(weights)}, route_start = ${start === null ? null : jsonParam(start)}, route_km = ${routeKm},
        status = ${status}, updated_at = ${now},
        approved_by = ${status === 'approved' ? (approving ? ctx.actor.actor : plan.approvedBy) : null},
        approved_at = ${status === 'approved' ? (approving ? now : plan.approvedAt) : null}
      where id = ${id}`);
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: approving ? 'plan.approve' : 'plan.update',
        areaCode: plan.areaCode,
        target: `plan:${id}`,
        details: { changed: content, status: { from: plan.status, to: status } },
      },
      ctx.now,
    );
  });
}

/** Deletes a draft plan. */
export async function deletePlan(orm: Orm, id: number, ctx: PlanContext): Promise<void> {
  await orm.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Orm;
    const plan = await lockPlan(tx, id, ctx.scope);
    if (plan.status !== 'draft') throw new PlanError('plan_not_draft', `Plan ${id} is ${plan.status}: only drafts are deleted.`);
    await tx.execute(sql`delete from plans where id = ${id}`);
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: 'plan.delete',
        areaCode: plan.areaCode,
        target: `plan:${id}`,
        details: { title: plan.title, date: plan.date, targets: plan.targets.length },
      },
      ctx.now,
    );
  });
}

/**
 * Records what an approved plan's operation found: one operation per regency of the recorded targets
 * (key `plan:<id>`, or `plan:<id>:<regency>` when the plan spans several), written by the same writer as
 * imports with origin `plan:<id>`, linked to the company sites; the plan becomes done.
 */
export async function recordPlanOutcome(orm: Orm, id: number, input: unknown, ctx: PlanContext): Promise<void> {
  const body: PlanOutcomeInput = parse(planOutcomeInput, input);
  await orm.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Orm;
    const plan = await lockPlan(tx, id, ctx.scope);
    if (plan.status !== 'approved') throw new PlanError('plan_not_approved', `Plan ${id} is ${plan.status}: record the outcome of an approved plan.`);
    const byId = new Map(plan.targets.map((t) => [t.id, t]));
    const unknown = body.targets.flatMap((t, i) =>
      byId.has(t.planTargetId) ? [] : [{ parameter: `targets.${i}.planTargetId`, message: `no target ${t.planTargetId} in plan ${id}` }],
    );
    const noRegency = body.targets.flatMap((t, i) =>
      byId.get(t.planTargetId) && !byId.get(t.planTargetId)!.areaCodes.regency
        ? [{ parameter: `targets.${i}.planTargetId`, message: 'the target lies in no regency' }]
        : [],
    );
    if (unknown.length || noRegency.length) throw invalid([...unknown, ...noRegency]);

    const siteIds = plan.targets.flatMap((t) => (t.companySiteId === null ? [] : [t.companySiteId]));
    const siteKeys = new Map(
      (siteIds.length
        ? await queryRows<{ id: number; key: string }>(
            tx,
            sql`select id, key from ${companySites} where id in (select jsonb_array_elements_text(${jsonParam(siteIds)})::int)`,
          )
        : []
      ).map((r) => [Number(r.id), r.key]),
    );
    // Route order inside each regency; one operation per regency.
    const recorded = [...body.targets].sort((a, b) => byId.get(a.planTargetId)!.order - byId.get(b.planTargetId)!.order);
    const regencies = [...new Set(recorded.map((t) => byId.get(t.planTargetId)!.areaCodes.regency!))].sort();
    const team = plan.teams.length ? plan.teams.map((t) => t.name).join('; ') : plan.title;
    const origin = `plan:${id}`;
    const records: OperationRecord[] = regencies.map((regency) => ({
      key: regencies.length === 1 ? origin : `${origin}:${regency}`,
      date: body.date ?? plan.date,
      officeKey: ctx.officeKey ?? officeKeyOfArea(plan.areaCode),
      team,
      regencyCode: regency,
      notes: `${plan.title} (rencana #${id})`,
      origin,
      targets: recorded
        .filter((t) => byId.get(t.planTargetId)!.areaCodes.regency === regency)
        .map((t) => {
          const target = byId.get(t.planTargetId)!;
          return {
            place: target.name,
            kind: target.kind === 'company_site' ? 'company_site' : 'other',
            position: [target.location.lng, target.location.lat] as [number, number],
            siteKey: target.companySiteId === null ? null : (siteKeys.get(target.companySiteId) ?? null),
            foreignersChecked: t.foreignersChecked,
            violations: t.violations,
            outcome: t.outcome,
            findings: t.findings ?? null,
            actions: t.actions.map((a) => ({ kind: a.kind, count: a.count, nationality: a.nationality ?? null })),
          };
        }),
    }));
    let totals;
    try {
      totals = await writeOperations(tx, records);
    } catch (error) {
      if (error instanceof RecordValidationError)
        throw invalid(error.issues.map((i) => ({ parameter: i.field, message: `${i.reason} (${JSON.stringify(i.value)})` })));
      throw error;
    }
    // The writer inserts targets in the order given, so the k-th target of an operation is the k-th recorded one.
    const ops = await queryRows<{ id: number; key: string }>(tx, sql`select id, key from ${operations} where origin = ${origin} order by key`);
    const links: Array<{ plan_target: number; operation_target: number }> = [];
    for (const record of records) {
      const op = ops.find((o) => o.key === record.key)!;
      const ids = await queryRows<{ id: number }>(tx, sql`select id from operation_targets where operation_id = ${op.id} order by id`);
      expectWritten('operation targets of the plan', record.targets.length, ids.length);
      recorded
        .filter((t) => byId.get(t.planTargetId)!.areaCodes.regency === record.regencyCode)
        .forEach((t, k) => links.push({ plan_target: t.planTargetId, operation_target: Number(ids[k]!.id) }));
    }
    await tx.execute(sql`
      update plan_targets t set operation_target_id = l.operation_target
      from jsonb_to_recordset(${jsonParam(links)}) as l(plan_target int, operation_target int) where t.id = l.plan_target and t.plan_id = ${id}`);
    // Verified reports near the checked places were acted on by this operation (the triage's history says so).
    const acted = await actOnReportsNear(
      tx,
      links.map((l) => l.operation_target),
      { actor: ctx.actor, now: ctx.now ?? new Date(), scope: ctx.scope, reason: `${plan.title} (rencana #${id})` },
    );
    const main = ops.find((o) => o.key === origin) ?? ops.find((o) => o.key === `${origin}:${plan.regencyCode}`) ?? ops[0]!;
    await tx.execute(sql`update plans set status = 'done', operation_id = ${main.id}, updated_at = ${(ctx.now ?? new Date()).toISOString()} where id = ${id}`);
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: 'plan.outcome',
        areaCode: plan.areaCode,
        target: `plan:${id}`,
        details: {
          operations: ops.map((o) => Number(o.id)),
          targets: totals.targets,
          actions: totals.actions,
          date: body.date ?? plan.date,
          reportsActed: acted.map((a) => a.reportId),
        },
      },
      ctx.now,
    );
  });
}
