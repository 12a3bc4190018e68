// What the sign-in form says when signing in fails: one of the API's codes, with the wait of a rate
// limit counted down on screen. Pure, so the wording rules are tested without a browser.
import { ApiError } from '../api/api-client.js';

export type SignInProblem =
  | { kind: 'invalid_credentials' | 'account_disabled' | 'network' | 'missing' | 'no_cookie' }
  /** `retryAt`: instant (ms) from which signing in may be tried again; `seconds`: the wait when refused. */
  | { kind: 'rate_limited'; retryAt: number; seconds: number }
  | { kind: 'other'; message: string };

/** Without a wait from the server, a rate limit still blocks the button this long. */
const DEFAULT_RATE_LIMIT_SECONDS = 30;

export function signInProblemOf(error: unknown, nowMs: number): SignInProblem {
  if (!(error instanceof ApiError)) return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
  if (error.code === 'network') return { kind: 'network' };
  if (error.code === 'invalid_credentials' || (error.status === 401 && error.code === 'http')) return { kind: 'invalid_credentials' };
  if (error.code === 'account_disabled') return { kind: 'account_disabled' };
  if (error.code === 'rate_limited' || error.status === 429) {
    const seconds = error.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_SECONDS;
    return { kind: 'rate_limited', retryAt: nowMs + seconds * 1000, seconds };
  }
  return { kind: 'other', message: error.message };
}

/** Whole seconds left until `retryAt`, never below 0; a started second counts as a whole one. */
export function secondsLeft(retryAt: number, nowMs: number): number {
  return Math.max(0, Math.ceil((retryAt - nowMs) / 1000));
}

/** The e-mail address as typed, without the spaces a paste brings along. */
export function normaliseEmail(email: string): string {
  return email.trim();
}

/** A wait as minutes and seconds, so 899 s reads "14 min 59 s"; under a minute, seconds only. */
export function splitWait(totalSeconds: number): { minutes: number; seconds: number } {
  const whole = Math.max(0, Math.ceil(totalSeconds));
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}
