import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` when it may, and finds out by trying once; the
 * page's Content-Security-Policy (no 'unsafe-eval') refuses that and reports a violation on every
 * load. jitless skips the probe and the compiler. It is read when a schema is built, so main.tsx
 * imports this module first, before any module that builds one.
 */
z.config({ jitless: true });
