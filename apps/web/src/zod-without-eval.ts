// zod compiles object parsers with `new Function` unless told not to, and probes for it when an
// object schema is built (the briefing schemas of @pantau/domain). The page's Content-Security-Policy
// refuses eval and reports every probe; imported first by main.tsx, so it runs before any schema exists.
import { config } from 'zod';

config({ jitless: true });
