// GET /exports/{kind}.{csv|xlsx|geojson}: the rows of the current view, with the map's filters, as a
// file that is safe to open in a spreadsheet and re-imports without loss.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS, exportFile, writeAudit, type ExportFormat } from '@pantau/data';
import { findArea, withScope, type ExportFilter, type ExportKind } from '@pantau/db';
import {
  agencyName,
  COMPANY_SECTORS,
  downloadFileName,
  ENTRY_POINT_KINDS,
  EXPORT_KINDS,
  EXPORT_PARAMETERS,
  inScope,
  PERSONAL_EXPORT_KINDS,
  REPORT_CATEGORIES,
  REPORT_CHANNELS,
  REPORT_STATUSES,
  RISK_CATEGORIES,
  todayInJakarta,
} from '@pantau/domain';
import { actorOf, principalOf } from '../auth/request-context.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { areaCodeParam, csvList, errorResponses, isoDateParam, langParam, permitFilterParams, recordIdParam, textLangOf, toPermitFilter } from './params.js';
import { expiringWithinParam, minDaysParam } from './overstays.js';
import { refuseUnknownParameters } from './query-guard.js';
import { createRouter } from './router.js';
import { temporaryFileResponse } from './file-response.js';
import { errorLogText } from '../error-log.js';
import { lineLog } from '../logger.js';

const FILES = EXPORT_KINDS.flatMap((kind) => EXPORT_FORMATS.map((format) => `${kind}.${format}` as const));

/** Filters that belong to some kinds only, with their vocabularies; another kind refuses them (EXPORT_PARAMETERS). */
const KIND_FILTERS = {
  category: { 'risk-areas': RISK_CATEGORIES, reports: REPORT_CATEGORIES },
  status: { reports: REPORT_STATUSES },
  channel: { reports: REPORT_CHANNELS },
  sector: { companies: COMPANY_SECTORS },
  kind: { 'entry-points': ENTRY_POINT_KINDS },
} as const satisfies Record<string, Partial<Record<ExportKind, readonly string[]>>>;
type KindFilter = keyof typeof KIND_FILTERS;

const kindFilterParam = (name: KindFilter, example: string) =>
  z
    .string()
    .optional()
    .openapi({
      description: `Comma-separated; ${Object.entries(KIND_FILTERS[name])
        .map(([kind, values]) => `${kind}: ${(values as readonly string[]).join(', ')}`)
        .join('; ')}.`,
      example,
    });

/**
 * Before validation, like the router's check of the declared names: a parameter of another kind
 * (`sector` on reports, `permitType` on operations) is a 400 naming it, never ignored. An unknown
 * file name is left to the validation (400 naming `file`).
 */
const onlyKindParameters: MiddlewareHandler = async (c, next) => {
  const kind = /^([a-z-]+)\.(csv|xlsx|geojson)$/.exec(c.req.param('file') ?? '')?.[1];
  if (kind && kind in EXPORT_PARAMETERS) refuseUnknownParameters(c, EXPORT_PARAMETERS[kind as ExportKind], `the ${kind} export`);
  await next();
};

const route = createRoute({
  method: 'get',
  path: '/exports/{file}',
  tags: ['exports'],
  middleware: [onlyKindParameters],
  summary: 'The rows of the current view as CSV (UTF-8 with BOM), XLSX or GeoJSON; the file re-imports as it is',
  description:
    'Kinds: permits (valid on asOf), companies (one row per site), operations (one row per target, actions as ";" lists), risk-areas (WKT column; GeoJSON polygons), entry-points, reports; ' +
    "overstays (people over their last permit's end on asOf by minDays or more, as GET /areas/{code}/overstays) and expiring (permits valid on asOf ending within `within` days, as GET /areas/{code}/expiring), both for roles with personal data, with headers in the language of `lang`. " +
    'Spreadsheet cells beginning with = + - @ tab or CR are prefixed with an apostrophe so that they are never run as formulas; the importer removes it again. ' +
    'GeoJSON: an RFC 7946 FeatureCollection (lon/lat, EPSG:4326) whose properties are the spreadsheet columns. ' +
    `Each kind takes only its own parameters (another is a 400 unknown_parameter): ${Object.entries(EXPORT_PARAMETERS)
      .map(([kind, names]) => `${kind}: ${names.join(', ')}`)
      .join('; ')}.`,
  request: {
    params: z.object({ file: z.enum(FILES).openapi({ param: { name: 'file', in: 'path' }, example: 'permits.csv' }) }),
    query: z.object({
      ...permitFilterParams,
      lang: langParam,
      area: areaCodeParam.optional().openapi({ description: 'Only rows inside this province, regency or district.', example: '19.04' }),
      from: isoDateParam.optional().openapi({ description: 'Operations, reports: from this day; risk areas: valid on or after it.', example: '2024-01-01' }),
      to: isoDateParam.optional().openapi({ description: 'Operations, reports: up to this day; risk areas: valid on or before it.', example: '2024-12-31' }),
      sponsor: recordIdParam('a company id')
        .optional()
        .openapi({ description: 'Permits sponsored by this company (its id); companies: its sites.', example: '42' }),
      category: kindFilterParam('category', 'illegal_work'),
      status: kindFilterParam('status', 'new'),
      channel: kindFilterParam('channel', 'apoa'),
      sector: kindFilterParam('sector', 'mining_smelting'),
      kind: kindFilterParam('kind', 'seaport'),
      minDays: minDaysParam,
      within: expiringWithinParam,
    }),
  },
  responses: {
    200: {
      description: 'The file, as an attachment.',
      content: {
        'text/csv': { schema: z.string() },
        [EXPORT_CONTENT_TYPES.xlsx]: { schema: z.string().openapi({ format: 'binary' }) },
        'application/geo+json': { schema: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }) },
      },
    },
    ...errorResponses,
  },
});

/** The kind-specific list filters that apply to `kind`, each value checked against its vocabulary. */
function kindFilters(kind: ExportKind, query: Partial<Record<KindFilter, string>>): Partial<Record<KindFilter, string[]>> {
  const filters: Partial<Record<KindFilter, string[]>> = {};
  for (const name of Object.keys(KIND_FILTERS) as KindFilter[]) {
    const allowed = (KIND_FILTERS[name] as Partial<Record<ExportKind, readonly string[]>>)[kind];
    const values = csvList(query[name]);
    if (!allowed || !values?.length) continue;
    const unknown = values.filter((v) => !allowed.includes(v));
    if (unknown.length) {
      throw new AppError(
        'invalid_parameter',
        `Invalid parameter: ${name}. For ${kind}: comma-separated values among ${allowed.join(', ')} (not ${unknown.join(', ')}).`,
        [{ parameter: name, message: `values among ${allowed.join(', ')}` }],
      );
    }
    filters[name] = values;
  }
  return filters;
}

export function exportRoutes(deps: AppDeps) {
  const log = lineLog(deps.log);
  return createRouter().openapi(route, async (c) => {
    const [kind, format] = c.req.valid('param').file.split('.') as [ExportKind, ExportFormat];
    const query = c.req.valid('query');
    const today = todayInJakarta(deps.clock.now());
    if (query.from && query.to && query.from > query.to) {
      throw new AppError('invalid_parameter', 'Invalid parameter: from. It is after to.', [{ parameter: 'from', message: 'after to' }]);
    }
    const filter: ExportFilter = {
      area: query.area,
      permit: toPermitFilter(query, today),
      validOn: query.asOf,
      from: query.from,
      to: query.to,
      sponsor: query.sponsor ? Number(query.sponsor) : undefined,
      ...kindFilters(kind, query),
      lang: textLangOf(c),
      minDays: query.minDays === undefined ? undefined : Number(query.minDays),
      within: query.within === undefined ? undefined : Number(query.within),
    };
    const day = kind === 'permits' || kind === 'overstays' || kind === 'expiring' ? filter.permit.asOf : today;
    const principal = principalOf(c);
    const scope = principal.scope;
    // An area outside the scope answers exactly like a nonexistent one.
    const area = query.area && inScope(scope, query.area) ? await withScope(deps.database.orm, scope, (tx) => findArea(tx, query.area!, scope)) : null;
    if (query.area && !area) throw new AppError('area_not_found', `No area with code ${query.area}.`);
    const name = downloadFileName({ kind, areaName: area?.name ?? null, areaCode: query.area ?? null, date: day, extension: format });
    const actor = actorOf(c);
    // The file is written to a temporary file first, in one transaction of its own as the scoped
    // application role (row-level security), and only then sent. So a slow or stalled client never
    // holds a database connection (the embedded database has one) or the audit chain's lock, and a
    // failure mid-way is an error answer (logged with the request id), never a truncated file with 200.
    // An export of people or permits is audited in that same transaction, after its rows.
    const dir = await mkdtemp(join(tmpdir(), 'pantau-export-'));
    const path = join(dir, name);
    const removeFile = () => rm(dir, { recursive: true, force: true });
    try {
      await withScope(
        deps.database.orm,
        scope,
        async (tx) => {
          const provenance = { madeBy: principal.user.email, agency: agencyName(principal.user.agency, textLangOf(c)), madeAt: deps.clock.now() };
          await pipeline(exportFile(tx, kind, format, filter, scope, principal.permissions, provenance), createWriteStream(path));
          if (PERSONAL_EXPORT_KINDS.includes(kind))
            await writeAudit(
              tx,
              { ...actor, action: `export.${kind}`, areaCode: query.area ?? null, target: `${kind}.${format}`, details: { filter: query } },
              deps.clock.now(),
            );
        },
        { long: true },
      );
    } catch (error) {
      await removeFile();
      throw error;
    }
    return (await temporaryFileResponse(
      { path, remove: removeFile },
      {
        'Content-Type': EXPORT_CONTENT_TYPES[format],
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      },
      (error) => log(`[${actor.requestId}] export ${kind}.${format} failed while sending, the download was aborted: ${errorLogText(error)}`),
    )) as never;
  });
}
