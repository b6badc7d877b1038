// Node side of pack validation: read (folder/zip), validate, sign, seal. The browser-safe report types are in report.ts.
export * from './report.ts';
export * from './paths.ts';
export * from './files.ts';
export * from './folder.ts';
export * from './zip.ts';
export * from './source.ts';
export * from './sign.ts';
export * from './product.ts';
export * from './validate.ts';
export * from './manifest-build.ts';
export { crossFileRules } from './rules.ts';
export * from './load.ts';
export { diffPacks } from './diff.ts';
