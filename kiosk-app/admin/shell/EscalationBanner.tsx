// The console's banner for 差评 cases past their deadline (国办发〔2019〕51号), on every page of the 大厅负责人:
// loaded from the hall, refreshed when a case is escalated or its escalation cleared. Other roles may not read the
// escalations and see no banner.
import { useEffect, useState } from 'preact/hooks';
import { EscalationEndpoints, escalationLine } from '../../../protocol/hall/escalations.ts';
import { call } from '../../shared/hall/index.ts';
import type { HallStream } from '../../shared/hall/socket.ts';
import { AlertBanner } from '../../shared/ui/AlertBanner.tsx';

export function EscalationBanner({ stream }: { stream: HallStream }) {
  const [lines, setLines] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    const load = (): void => {
      call(EscalationEndpoints.list)
        .then((r) => alive && setLines(r.escalations.map(escalationLine)))
        .catch(() => undefined); // a role that may not read escalations sees no banner
    };
    load();
    const off = stream.onEvent((e) => {
      if (e.type === 'case.escalated' || e.type === 'case.escalation.cleared') load();
    });
    return () => {
      alive = false;
      off();
    };
  }, [stream]);
  return <AlertBanner lines={lines} tone="urgent" class="admin-banner" testId="escalation-alerts" />;
}
