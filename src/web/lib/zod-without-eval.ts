import { config } from 'zod/v4/core';

// Zod compiles object parsers with `new Function` when it may, and probes for that ability by trying it.
// Our CSP forbids eval, so the probe alone logs a violation (and costs a Lighthouse point): opt out of the
// JIT. This module must be imported before any schema is built, i.e. first in main.tsx. The setting lives
// on globalThis, so zod's core alone sets it here: the rest of zod loads with the first screen that
// validates or parses something, not with the entry.
config({ jitless: true });
