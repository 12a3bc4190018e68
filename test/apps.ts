// The API app as the integration tests run it over a test database.
import { createApp, type AppDeps, type Clock } from '@pantau/api';
import type { Database } from '@pantau/db';

/** 10:00 WIB on 13 June 2024, the day the fixture's figures are checked on. */
export const FIXTURE_CLOCK: Clock = { now: () => new Date('2024-06-13T03:00:00Z') };

/** The app over `database`: no proxy trusted, warnings logged to nowhere, FIXTURE_CLOCK; `deps` adds or replaces (another clock, a PDF renderer). */
export const testApp = (database: Database, deps: Partial<AppDeps> = {}) =>
  createApp({ database, config: { trustProxy: false, logLevel: 'warn' }, clock: FIXTURE_CLOCK, log: () => {}, ...deps });
