// State of 整改提升 (DB21/T 4402 §11.2, @preact/signals createModel): a month's improvement records and the starting
// points the hall offers (the month's 差评 reasons, the lowest items and windows); the form's draft, which a starting
// point fills; adding a record and closing one with its result. Calls reach the hall through ImprovementDeps, so the
// model is unit-tested with fakes; the 大厅负责人 writes, the 值班长 only reads.
import { action, computed, createModel, signal } from '@preact/signals';
import type { z } from 'zod';
import type { ImprovementInput, ImprovementList, ImprovementRecord } from '../../../protocol/hall/improvement.ts';

export type ImprovementListData = z.infer<typeof ImprovementList>;
export type ImprovementDraft = z.input<typeof ImprovementInput>;

export interface ImprovementDeps {
  /** Only the 大厅负责人 adds and closes records (accounts/permissions.ts). */
  canWrite: boolean;
  /** The hall's month "YYYY-MM" when none is asked for. */
  list(month: string | null): Promise<ImprovementListData>;
  create(input: ImprovementDraft): Promise<ImprovementRecord>;
  close(id: string, result: string): Promise<ImprovementRecord>;
  /** The Chinese message of a failed call, or `fallback`. */
  messageOf(err: unknown, fallback: string): string;
}

const EMPTY_DRAFT = { problem: '', source: '', measure: '', responsible: '', dueOn: '' };

/** "等候时间过长（3 次）" / "城乡居民参保登记：满意率 50%（差评 1 / 评价 2）". */
export function startingPoints(data: ImprovementListData): Array<{ problem: string; source: string }> {
  return [
    ...data.badReasons.map((r) => ({ problem: r.reason, source: `差评原因：${r.reason}（${r.count} 次）` })),
    ...data.lowest.map((l) => ({
      problem: `${l.name}满意率偏低`,
      source: `${l.kind === 'item' ? '事项' : '窗口'}统计：${l.name} 满意率 ${Math.round(l.satisfaction * 100)}%（差评 ${l.bad} / 评价 ${l.rated}）`,
    })),
  ];
}

export const ImprovementModel = createModel((deps: ImprovementDeps) => {
  const month = signal('');
  const data = signal<ImprovementListData | null>(null);
  const draft = signal({ ...EMPTY_DRAFT });
  const error = signal<string | null>(null);
  const notice = signal<string | null>(null);
  const busy = signal(false);
  /** The 新增整改记录 form is shown in place of the starting points while it is filled in. */
  const formOpen = signal(false);

  const load = action(async (asked: string | null) => {
    try {
      const answer = await deps.list(asked);
      data.value = answer;
      month.value = answer.month;
      error.value = null;
    } catch (err) {
      error.value = deps.messageOf(err, '整改记录获取失败，请稍后再试');
    }
  });

  const run = async (command: () => Promise<unknown>, done: string): Promise<boolean> => {
    busy.value = true;
    notice.value = null;
    try {
      await command();
      error.value = null;
      // Announced once the list shows it, so what the status line says is already on the screen.
      await load(month.value || null);
      notice.value = done;
      return true;
    } catch (err) {
      error.value = deps.messageOf(err, '操作失败，请稍后再试');
      return false;
    } finally {
      busy.value = false;
    }
  };

  return {
    canWrite: computed(() => deps.canWrite), month, data, draft, formOpen, error, notice, busy, load,
    openForm: action(() => {
      formOpen.value = true;
    }),
    cancelForm: action(() => {
      formOpen.value = false;
      draft.value = { ...EMPTY_DRAFT };
    }),
    edit: action((field: keyof typeof EMPTY_DRAFT, value: string) => {
      draft.value = { ...draft.value, [field]: value };
    }),
    startFrom: action((point: { problem: string; source: string }) => {
      draft.value = { ...draft.value, problem: point.problem, source: point.source };
      formOpen.value = true;
      notice.value = `已将“${point.problem}”填入新增整改记录，请填写整改措施、责任人和完成时限`;
    }),
    create: action(async () => {
      const input = { month: month.value, ...draft.value };
      if (await run(() => deps.create(input), `已新增整改记录：${input.problem}`)) {
        draft.value = { ...EMPTY_DRAFT };
        formOpen.value = false;
      }
    }),
    close: action((record: ImprovementRecord, result: string) => run(() => deps.close(record.id, result), `已办结整改记录：${record.problem}，结果已公示`)),
  };
});
