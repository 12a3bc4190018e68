// Benchmarks go through the API as a signed-in admin, so the figures include what every real request
// pays: the session lookup, the scoped read transaction and row-level security.
import { addUser, generatePassword, resetPassword, signIn } from '@pantau/data';
import { queryOne, sql, type Database } from '@pantau/db';

const BENCH_EMAIL = 'bench-admin@bench.pantau.id';

/** A `Cookie` header value of a fresh admin session. */
export async function benchSessionCookie(database: Database): Promise<string> {
  const password = generatePassword();
  const exists = await queryOne(database.orm, sql`select 1 as ok from users where email = ${BENCH_EMAIL}`);
  if (exists) await resetPassword(database.orm, BENCH_EMAIL, undefined, password);
  else await addUser(database.orm, { email: BENCH_EMAIL, role: 'admin', password });
  const result = await signIn(database.orm, { email: BENCH_EMAIL, password, address: 'bench' });
  if (!result.ok) throw new Error(`bench sign-in failed: ${result.code}`);
  return `pantau_session=${result.token}`;
}
