// The Content-Security-Policy of the web app: one list of directives for the API's response header
// (hono secureHeaders, apps/api/src/app.ts) and the <meta> tag the web build writes into index.html
// (apps/web/vite.config.ts). Everything comes from the app's own origin: no external style, glyphs,
// sprites, tiles, fonts or scripts, so a stray URL fails loudly instead of leaking requests.
// MapLibre needs `blob:` for workers and `data:` for the control icons in its CSS; inline styles come
// from React and MapLibre.

/** Directive name (camelCase, as hono's secureHeaders takes it) → its sources. */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/** The directives a <meta> tag may carry. */
export const CONTENT_SECURITY_POLICY_META = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  childSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
} satisfies CspDirectives;

/**
 * The response header's directives: the meta ones and `frame-ancestors`, which browsers ignore in a
 * <meta> tag (the API's header is what keeps the app out of frames).
 */
export const CONTENT_SECURITY_POLICY = {
  ...CONTENT_SECURITY_POLICY_META,
  frameAncestors: ["'none'"],
} satisfies CspDirectives;

/** `defaultSrc: ["'self'"]` → `default-src 'self'`, directives joined by `; `. */
export function cspText(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), ...sources].join(' '))
    .join('; ');
}
