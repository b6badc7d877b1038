// The state of the 差评 follow-up list (@preact/signals createModel): the filter, the cases the hall answered, the case
// being handled with its note, and the case actions. Reloads whenever the filter changes and after every action.
// Calls reach the hall through CasesDeps, so the model is unit-tested with fakes; the view (Cases.tsx) only renders it.
import { action, computed, createModel, effect, signal } from '@preact/signals';
import type { CaseAction } from '../../../protocol/hall/cases.ts';
import type { CaseActionRequest, CaseListResponse, CaseView } from '../../../protocol/hall/ratings.ts';

export interface CasesDeps {
  list(openOnly: boolean): Promise<CaseListResponse>;
  act(id: string, body: CaseActionRequest): Promise<CaseView>;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : '操作失败，请稍后再试');

export const CasesModel = createModel((deps: CasesDeps) => {
  const openOnly = signal(true);
  const cases = signal<CaseView[] | null>(null);
  const today = signal('');
  const error = signal<string | null>(null);
  const selectedId = signal<string | null>(null);
  const note = signal('');
  const busy = signal(false);
  const actionError = signal<string | null>(null);

  const selected = computed(() => cases.value?.find((c) => c.id === selectedId.value) ?? null);
  const dueSoon = computed(() => (cases.value ?? []).filter((c) => c.flag === 'due_soon').length);
  const overdue = computed(() => (cases.value ?? []).filter((c) => c.flag === 'overdue').length);

  const load = action(async () => {
    try {
      const res = await deps.list(openOnly.peek());
      cases.value = res.cases;
      today.value = res.today;
      error.value = null;
    } catch (err) {
      error.value = messageOf(err);
    }
  });
  effect(() => {
    void openOnly.value;
    void load();
  });

  const run = action(async (caseAction: CaseAction) => {
    const current = selected.peek();
    if (!current) return;
    busy.value = true;
    try {
      await deps.act(current.id, { action: caseAction, note: note.peek().trim() });
      note.value = '';
      actionError.value = null;
      void load();
    } catch (err) {
      actionError.value = messageOf(err);
    } finally {
      busy.value = false;
    }
  });

  return {
    openOnly, cases, today, error, selected, dueSoon, overdue, note, busy, actionError,
    showOpenOnly: action((only: boolean) => (openOnly.value = only)),
    select: action((id: string | null) => (selectedId.value = id)),
    setNote: action((text: string) => (note.value = text)),
    run,
    reload: load,
  };
});

/** A cases model, as the view receives it. */
export type CasesState = InstanceType<typeof CasesModel>;
