import { describe, expect, test } from 'vitest';
import { errorLogText, withoutQueryParams } from './error-log.js';

describe('errorLogText', () => {
  test("keeps the query and the database's reason, withholds the values it ran with", () => {
    const cause = new Error('permission denied for table permits');
    const error = new Error('Failed query: select * from people where name ilike $1 and passport_number = $2\nparams: %Wang Wei%,E12345678', { cause });
    const text = errorLogText(error);
    expect(text).toContain('Failed query: select * from people where name ilike $1');
    expect(text).toContain('caused by: Error: permission denied for table permits');
    expect(text).toContain('params: (withheld');
    expect(text).not.toContain('Wang Wei');
    expect(text).not.toContain('E12345678');
  });

  test('a value spanning lines is withheld up to the stack frames, which stay', () => {
    const text = withoutQueryParams('Error: Failed query: insert …\nparams: first line\nsecond line secret\n    at run (file.ts:1:1)');
    expect(text).not.toContain('secret');
    expect(text).toContain('    at run (file.ts:1:1)');
  });
});
