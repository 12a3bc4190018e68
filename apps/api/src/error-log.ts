// What the log keeps of an unexpected error: its stack and its causes' messages, never the values a
// query was run with. drizzle's "Failed query: … params: …" lists them, and they can be a searched
// name, a passport number or a password hash: personal data stays out of logs (GUIDE.md).

const PARAMS_WITHHELD = 'params: (withheld: they may hold personal data)';

/** The text with drizzle's `params:` list (up to the next stack frame or cause) withheld. */
export function withoutQueryParams(text: string): string {
  return text.replace(/(^|\n)params: [\s\S]*?(?=\n\s+at |\n {2}caused by: |$)/g, `$1${PARAMS_WITHHELD}`);
}

/**
 * The error's stack and the messages of its causes: drizzle wraps a database error in "Failed query: …"
 * whose own stack does not say why the query failed (the server's message is the cause).
 */
export function errorLogText(error: Error): string {
  let text = error.stack ?? error.message;
  for (let cause: unknown = error.cause, depth = 0; cause !== undefined && cause !== null && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    text += `\n  caused by: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`;
  }
  return withoutQueryParams(text);
}
