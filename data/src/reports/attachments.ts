// Photos attached to a public report (issue 22, migration 0027). One validated write path: the report must
// be in the caller's scope, the file an image by its first bytes (JPEG, PNG or WebP — the name and the
// declared type are not trusted), within the size limit and the per-report count; the row and its audit
// row are written in one transaction. The same photo sent again to the same report is the one kept.
import { createHash } from 'node:crypto';
import { queryOne, queryRows, reports, scopeCondition, sql, type Executor, type Orm } from '@pantau/db';
import { writeAudit } from '../accounts/audit.js';
import { ReportError, type ReportContext } from './reports.js';

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];
/** A report holds at most this many photos: enough for a site, not a photo album. */
export const MAX_ATTACHMENTS_PER_REPORT = 10;

export interface ReportAttachment {
  id: number;
  reportId: number;
  fileName: string;
  contentType: AttachmentType;
  bytes: number;
  sha256: string;
  addedAt: string;
  addedBy: string;
}

/** The image type the content starts with, or null when it is none of the accepted ones. */
export function sniffImageType(data: Uint8Array): AttachmentType | null {
  const starts = (bytes: readonly number[], at = 0) => bytes.every((b, i) => data[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** A file name safe to store and to put back in a header: no path, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean || 'foto').slice(-120);
}

const ROW = sql`id, report_id, file_name, content_type, bytes, sha256, to_char(added_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as added_at, actor`;
type Row = { id: number; report_id: number; file_name: string; content_type: AttachmentType; bytes: number; sha256: string; added_at: string; actor: string };
const fromRow = (r: Row): ReportAttachment => ({
  id: Number(r.id),
  reportId: Number(r.report_id),
  fileName: r.file_name,
  contentType: r.content_type,
  bytes: Number(r.bytes),
  sha256: r.sha256,
  addedAt: r.added_at,
  addedBy: r.actor,
});

/**
 * The reports a caller may attach photos to: those in its scope; for an API token, only those it posted
 * itself (reports.created_by_token_id). Any other report is reported as missing.
 */
const attachable = (ctx: Pick<ReportContext, 'scope' | 'tokenId'>) =>
  sql`${scopeCondition(sql`coalesce(r.district_code, r.regency_code, r.province_code)`, ctx.scope)} and ${ctx.tokenId === undefined ? sql`true` : sql`r.created_by_token_id = ${ctx.tokenId}`}`;

/** Whether the caller may attach a photo to report `reportId` (checked before the upload is read, and again when it is written). */
export async function canAttachTo(db: Executor, reportId: number, ctx: Pick<ReportContext, 'scope' | 'tokenId'>): Promise<boolean> {
  return (await queryOne<{ id: number }>(db, sql`select r.id from ${reports} r where r.id = ${reportId} and ${attachable(ctx)}`)) !== undefined;
}

/**
 * Attaches a photo to report `reportId`. Returns it and whether it was added (false: the same content was
 * already attached to this report). `maxBytes` is the configured limit, checked again here.
 */
export async function addReportAttachment(
  orm: Orm,
  reportId: number,
  file: { name: string; data: Uint8Array },
  ctx: ReportContext & { maxBytes: number },
): Promise<{ attachment: ReportAttachment; created: boolean }> {
  if (file.data.length === 0) throw new ReportError('invalid_parameter', 'The file is empty.', [{ parameter: 'file', message: 'empty' }]);
  if (file.data.length > ctx.maxBytes) throw new ReportError('payload_too_large', `The photo is over ${Math.round(ctx.maxBytes / 1024)} KB.`);
  const contentType = sniffImageType(file.data);
  if (!contentType)
    throw new ReportError('unsupported_media_type', 'Only photos can be attached: a JPEG, PNG or WebP image (checked by its content, not its name).');
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const fileName = cleanFileName(file.name);
  return orm.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Orm;
    const report = await queryOne<{ area: string; n: number }>(
      tx,
      sql`
      select coalesce(r.district_code, r.regency_code, r.province_code) as area, (select count(*)::int from report_attachments a where a.report_id = r.id) as n
      from ${reports} r where r.id = ${reportId} and ${attachable(ctx)} for update of r`,
    );
    if (!report) throw new ReportError('not_found', 'No such report.');
    const same = await queryOne<Row>(tx, sql`select ${ROW} from report_attachments where report_id = ${reportId} and sha256 = ${sha256}`);
    if (same) return { attachment: fromRow(same), created: false };
    if (Number(report.n) >= MAX_ATTACHMENTS_PER_REPORT)
      throw new ReportError('too_many_attachments', `A report holds at most ${MAX_ATTACHMENTS_PER_REPORT} photos.`, { limit: MAX_ATTACHMENTS_PER_REPORT });
    const row = await queryOne<Row>(
      tx,
      sql`
      insert into report_attachments (report_id, file_name, content_type, bytes, sha256, data, added_at, added_by, actor)
      values (${reportId}, ${fileName}, ${contentType}, ${file.data.length}, ${sha256}, decode(${Buffer.from(file.data).toString('base64')}, 'base64'),
        ${ctx.now.toISOString()}::timestamptz, ${ctx.actor.userId}, ${ctx.actor.actor})
      returning ${ROW}`,
    );
    await writeAudit(
      tx,
      {
        ...ctx.actor,
        action: 'report.attachment',
        areaCode: report.area,
        target: `report:${reportId}`,
        details: { attachment: Number(row!.id), contentType, bytes: file.data.length, sha256 },
      },
      ctx.now,
    );
    return { attachment: fromRow(row!), created: true };
  });
}

/** The photos of a report (without their content), oldest first; the caller has checked the report is in its scope. */
export async function listReportAttachments(db: Executor, reportId: number): Promise<ReportAttachment[]> {
  const rows = await queryRows<Row>(db, sql`select ${ROW} from report_attachments where report_id = ${reportId} order by id`);
  return rows.map(fromRow);
}

/** One photo with its content, or undefined when the report has no such attachment. */
export async function readReportAttachment(
  db: Executor,
  reportId: number,
  attachmentId: number,
): Promise<(ReportAttachment & { data: Uint8Array }) | undefined> {
  const row = await queryOne<Row & { data: string }>(
    db,
    sql`select ${ROW}, encode(data, 'base64') as data from report_attachments where report_id = ${reportId} and id = ${attachmentId}`,
  );
  return row ? { ...fromRow(row), data: new Uint8Array(Buffer.from(row.data.replace(/\s+/g, ''), 'base64')) } : undefined;
}
