// Collects the Chinese texts a source tree and a content pack can show: string and template literals and JSX text of
// the TypeScript sources (comments are not shown, so they are skipped), and every string value of the pack's JSON.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { isChineseText } from './service-language.ts';

export interface FoundText {
  file: string;
  text: string;
}

function walk(dir: string, accept: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, accept));
    else if (accept(path)) out.push(path);
  }
  return out;
}

function literalsOf(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      out.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…'));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Chinese texts of the .ts/.tsx sources under `dir` (tests excluded), with their file relative to `root`. */
export function sourceTexts(root: string, dir: string): FoundText[] {
  const files = walk(join(root, dir), (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  return files.flatMap((file) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    return literalsOf(source).filter(isChineseText).map((text) => ({ file: relative(root, file), text }));
  });
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Chinese string values of every JSON file of a pack directory. */
export function packTexts(root: string, dir: string): FoundText[] {
  return walk(join(root, dir), (f) => f.endsWith('.json')).flatMap((file) =>
    stringsOf(JSON.parse(readFileSync(file, 'utf8'))).filter(isChineseText).map((text) => ({ file: relative(root, file), text })),
  );
}
