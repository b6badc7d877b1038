// What the kiosk prints after 材料不全 (DB21/T 4402 §9.5): the 容缺受理承诺书 when the item allows 容缺 (its deferrable
// materials, the 补正 deadline in working days by the pack calendar, the masked name), else the list of what to bring
// next time. Pure.
import { materialFormLabels, supplyWorkingDays, type Material, type PackData, type Service } from '../../../content/schema/index.ts';
import type { Slip } from '../../../protocol/bridge/ticket/slip.ts';
import { maskName } from '../../../protocol/person/mask.ts';
import { addWorkingDays, calendarOf } from '../../../protocol/rules/workdays.ts';
import type { Identity } from './types.ts';

/** The materials that may be supplied later, or none when the item does not allow 容缺. */
export function deferrableMaterials(service: Service): Material[] {
  return service.guide.deferredAcceptance.allowed ? service.guide.materials.filter((m) => m.deferrable) : [];
}

/** The last day to supply 容缺 materials accepted on `today` (hall date). */
export function supplyDueDate(service: Service, pack: Pick<PackData, 'calendar'>, today: string): string {
  return addWorkingDays(today, supplyWorkingDays(service.guide), calendarOf(pack.calendar));
}

const slipMaterial = (m: Material) => ({ name: m.name, form: `${materialFormLabels[m.form]} ${m.count} 份` });

export function slipFor(
  service: Service,
  pack: Pick<PackData, 'calendar' | 'manifest'>,
  identity: Identity | null,
  today: string,
  printedAt: string,
): Slip {
  const common = {
    hallName: pack.manifest.hall.name,
    service: service.name,
    printedAt,
    consultPhone: pack.manifest.hall.consultPhone,
  };
  const later = deferrableMaterials(service);
  if (later.length === 0) return { kind: 'bring-next-time', ...common, materials: service.guide.materials.map(slipMaterial) };
  return {
    kind: 'promise',
    ...common,
    ...(identity ? { maskedName: maskName(identity.name) } : {}),
    materials: later.map(slipMaterial),
    workingDays: supplyWorkingDays(service.guide),
    dueDate: supplyDueDate(service, pack, today),
  };
}
