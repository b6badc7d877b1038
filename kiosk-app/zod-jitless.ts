// Imported first by main.tsx, before any chunk loads zod. The hall's Content-Security-Policy forbids eval, so zod's
// compiled parsers (built with `new Function`) are switched off up front; otherwise zod's probe for eval trips the
// policy on every page. zod reads its settings from this global (the same object `z.config()` writes).
const host = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
host.__zod_globalConfig = { ...host.__zod_globalConfig, jitless: true };
