/** The text of a failure for the page's error line. */
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
