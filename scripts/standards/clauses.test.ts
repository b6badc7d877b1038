// The README's clause table cannot drift: it is what the test titles say, and every clause it lists has a test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauseRows, clauseTableMarkdown, clauseTests, proves, SCOPE_CLAUSES, TABLE_BEGIN, TABLE_END } from './clauses.ts';

const ROOT = join(import.meta.dirname, '../..');
const tests = clauseTests(ROOT);

describe('clause table', () => {
  it('reads a sub-clause as proving its clause, and nothing else', () => {
    expect([proves('DB21/T 4402 §9.6.3', 'DB21/T 4402 §9.6'), proves('DB21/T 4402 §9.6', 'DB21/T 4402 §9.6')]).toEqual([true, true]);
    expect([proves('DB21/T 4402 §9.60', 'DB21/T 4402 §9.6'), proves('DB21/T 4402 §11', 'DB21/T 4402 §1')]).toEqual([false, false]);
  });

  it('reads a part or an indicator of the 示范点 standard as proving its row', () => {
    expect(['示范点标准 二（六）', '示范点指标 9', '示范点指标 9, 14, 19', '示范点标准'].map((c) => proves(c, '示范点标准'))).toEqual([true, true, true, true]);
    expect(proves('示范点指标 9', 'DB21/T 4402 §9')).toBe(false);
    const found = new Set(tests.filter((t) => t.clause.startsWith('示范点')).map((t) => t.file));
    expect([...found].filter((f) => f.endsWith('indicators.test.ts') || f.endsWith('standards.test.ts') || f.endsWith('admin-inspection.test.ts')).sort()).toEqual([
      'content/validate/standards.test.ts', 'hall-server/inspection/indicators.test.ts', 'tests/e2e/admin-inspection.test.ts',
    ]);
  });

  it('has at least one test for every clause of the standards the software enforces', () => {
    const rows = clauseRows(tests);
    expect(rows.filter((r) => r.files.length === 0).map((r) => r.clause)).toEqual([]);
    expect(rows.slice(0, SCOPE_CLAUSES.length).map((r) => r.clause)).toEqual([...SCOPE_CLAUSES]);
  });

  it('lists in the README exactly the clause → test file table the test titles give (run scripts/standards/clause-table.ts)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const begin = readme.indexOf(TABLE_BEGIN);
    const end = readme.indexOf(TABLE_END);
    expect(begin).toBeGreaterThan(0);
    expect(readme.slice(begin, end + TABLE_END.length)).toBe(clauseTableMarkdown(clauseRows(tests)));
  });

  it('every file the table names has a test whose title starts with that clause', () => {
    for (const row of clauseRows(tests)) {
      for (const file of row.files) {
        const titles = tests.filter((t) => t.file === file && proves(t.clause, row.clause)).map((t) => t.title);
        expect(titles.length, `${row.clause} in ${file}`).toBeGreaterThan(0);
        expect(readFileSync(join(ROOT, file), 'utf8')).toContain(titles[0]!.split('\n')[0]!.slice(0, 20));
      }
    }
  });
});
