/** The message of a failed request, as the reports page shows it. */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
