// Writes the README's clause → test file table from the test titles (`npx tsx scripts/standards/clause-table.ts`).
// scripts/standards/clauses.test.ts fails when the README's table is not what this would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clauseRows, clauseTableMarkdown, clauseTests, withClauseTable } from './clauses.ts';

const root = join(import.meta.dirname, '../..');
const readmePath = join(root, 'README.md');
const table = clauseTableMarkdown(clauseRows(clauseTests(root)));
writeFileSync(readmePath, withClauseTable(readFileSync(readmePath, 'utf8'), table));
process.stdout.write(`README.md: clause table written\n`);
