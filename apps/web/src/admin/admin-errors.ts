/** The message of a failed request, as the admin pages show it. */
export function apiMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
