import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META, cspText } from './csp.js';

describe('Content-Security-Policy', () => {
  const meta = cspText(CONTENT_SECURITY_POLICY_META);
  const header = cspText(CONTENT_SECURITY_POLICY);
  const directives = (text: string) => new Map(text.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1).join(' ')]));

  test('everything from the own origin; MapLibre gets blob: workers and data: images; no plugins', () => {
    const byName = directives(meta);
    expect(byName.get('default-src')).toBe("'self'");
    expect(byName.get('script-src')).toBe("'self'");
    expect(byName.get('connect-src')).toBe("'self'");
    expect(byName.get('font-src')).toBe("'self'");
    expect(byName.get('worker-src')).toBe("'self' blob:");
    expect(byName.get('child-src')).toBe("'self' blob:");
    expect(byName.get('img-src')).toBe("'self' data: blob:");
    expect(byName.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(byName.get('object-src')).toBe("'none'");
    expect(byName.get('base-uri')).toBe("'self'");
    expect(byName.get('form-action')).toBe("'self'");
  });

  test('the <meta> text is what index.html carried', () => {
    expect(meta).toBe(
      "default-src 'self'; script-src 'self'; worker-src 'self' blob:; child-src 'self' blob:; connect-src 'self'; " +
        "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
  });

  test('the header adds frame-ancestors, which a <meta> tag cannot carry, and nothing else', () => {
    expect(meta).not.toContain('frame-ancestors');
    expect(header).toBe(`${meta}; frame-ancestors 'none'`);
  });

  test('no script may run from a string or another host', () => {
    expect(header).not.toContain("'unsafe-eval'");
    expect(directives(header).get('script-src')).not.toContain('unsafe-inline');
    expect(header).not.toMatch(/https?:/);
  });
});
