// The validation report: what the CLI prints, the hall-server returns and the console shows. Browser-safe.

export interface PackIssue {
  /** Stable rule id, e.g. "service.duplicate-prefix" (tests and logs). */
  rule: string;
  /** The file the problem is in, e.g. "services.json"; "" for the pack as a whole. */
  file: string;
  /** Where in the file, in manager words, e.g. "第3项「异地就医备案」"; may be empty. */
  place: string;
  /** What is wrong, in Chinese. */
  problem: string;
}

export interface ValidationSummary {
  packId: string;
  version: number;
  title: string;
  hallName: string;
  sample: boolean;
  services: number;
  windows: number;
  staff: number;
  files: number;
  bytes: number;
  /** Key id of the key that signed it, if the signature checked out. */
  signedBy: string | null;
}

export interface ValidationReport {
  ok: boolean;
  errors: PackIssue[];
  /** Not blocking, but a manager should look (e.g. a provisional calendar). */
  warnings: PackIssue[];
  summary: ValidationSummary | null;
}

/** "services.json 第3项「异地就医备案」: 申办材料第2条缺少名称" */
export function formatIssue(issue: PackIssue): string {
  const head = [issue.file, issue.place].filter(Boolean).join(' ');
  return head ? `${head}: ${issue.problem}` : issue.problem;
}

export function issue(rule: string, file: string, place: string, problem: string): PackIssue {
  return { rule, file, place, problem };
}

/** How many issues of one rule a report lists before it says how many more there are. */
export const ISSUES_PER_RULE = 8;

/** Keeps the first ISSUES_PER_RULE issues of each rule and replaces the rest with one line that counts them, so a
 * report about one mistake repeated a hundred times stays readable. */
export function capIssues(issues: readonly PackIssue[]): PackIssue[] {
  const seen = new Map<string, number>();
  const out: PackIssue[] = [];
  for (const i of issues) {
    const n = (seen.get(i.rule) ?? 0) + 1;
    seen.set(i.rule, n);
    if (n <= ISSUES_PER_RULE) out.push(i);
  }
  for (const [rule, n] of seen) {
    if (n > ISSUES_PER_RULE) {
      const first = out.find((i) => i.rule === rule)!;
      out.push(issue(rule, '', '', `……同类问题另有 ${n - ISSUES_PER_RULE} 处未列出（共 ${n} 处，与上面“${first.problem}”相同）`));
    }
  }
  return out;
}
