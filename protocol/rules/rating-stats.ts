// Statistics formulas for the console. Pure: the module feeds it aggregated counts from SQL.

export interface RatingCounts {
  /** Tickets finished at a window (the denominator of coverage). */
  finished: number;
  /** Ratings counted in statistics (a 差评 withdrawn on appeal is not counted). */
  rated: number;
  bad: number;
  scoreSum: number;
  /** Recorded 未评价 outcomes. */
  unrated: number;
}

export interface CaseCounts {
  cases: number;
  closed: number;
  closedOnTime: number;
}

export interface Rates {
  /** Share of ratings that are not 差评, 0..1, null without ratings. */
  satisfaction: number | null;
  average: number | null;
  coverage: number | null;
  closure: number | null;
  onTime: number | null;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function rates(r: RatingCounts, c: CaseCounts): Rates {
  return {
    satisfaction: ratio(r.rated - r.bad, r.rated),
    average: ratio(r.scoreSum, r.rated),
    coverage: ratio(r.rated, r.finished),
    closure: ratio(c.closed, c.cases),
    onTime: ratio(c.closedOnTime, c.closed),
  };
}

/** 93.5% with one decimal, "—" when there is nothing to divide. */
export function percent(v: number | null): string {
  return v === null ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`;
}

export const SATISFACTION_TARGET = 0.9;
