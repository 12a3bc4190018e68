// Data versions (migration 0019): a counter per table, bumped by every write to it, read by the tile cache.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../connect.js';

/** The tables whose writes are counted: those the tile layers read (0019, 0021), and since 0033 every table of records. */
export type DataTable =
  | 'areas'
  | 'offices'
  | 'office_work_areas'
  | 'companies'
  | 'company_sites'
  | 'permits'
  | 'people'
  | 'person_passports'
  | 'permit_applications'
  | 'movements'
  | 'holder_count_changes'
  // Migration 0034 renamed holder_count_months (monthly checkpoints) to holder_count_checkpoints (weekly).
  | 'holder_count_checkpoints'
  | 'operations'
  | 'operation_targets'
  | 'risk_areas'
  | 'entry_points'
  | 'reports'
  | 'meetings'
  // Migration 0021: the meetings layer counts open follow-ups.
  | 'meeting_follow_ups'
  // Migration 0033: the rest of the records, for the read API's answer cache.
  | 'backtest_runs'
  | 'briefings'
  | 'dataset_loads'
  | 'demo_oracle'
  | 'enforcement_actions'
  | 'holder_spans'
  | 'import_batches'
  | 'lodgings'
  | 'meeting_decisions'
  | 'meeting_follow_up_changes'
  | 'movement_counts'
  | 'operation_target_people'
  | 'plan_targets'
  | 'plans'
  | 'regional_offices'
  | 'report_attachments'
  | 'report_status_changes'
  | 'risk_area_versions';

/** Every counter in one statement of a few dozen rows: cheap enough to run on each tile request. */
export async function dataVersions(db: Executor): Promise<ReadonlyMap<string, string>> {
  const rows = await queryRows<{ table_name: string; version: string | number }>(db, sql`select table_name, version from data_changes`);
  return new Map(rows.map((r) => [r.table_name, String(r.version)]));
}
