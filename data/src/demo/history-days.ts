/** The day demo histories end (departures after it have not happened yet). */
export const DEMO_LAST_DAY_OF_HISTORY = '2026-10-31';
