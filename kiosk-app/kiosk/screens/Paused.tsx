import { Icon } from '../../shared/ui/icons.tsx';

/** The hall-server cannot be reached: no ticket can be issued. Disappears by itself when the link returns. */
export function Paused() {
  return (
    <div class="paused" role="alert" data-testid="paused">
      <Icon name="warn" size="120px" />
      <h1>暂停取号，请到咨询台</h1>
      <p>系统正在恢复，恢复后即可继续取号。给您带来不便，敬请谅解。</p>
    </div>
  );
}
