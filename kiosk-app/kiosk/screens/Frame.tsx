import type { ComponentChildren } from 'preact';
import { SeniorSwitch } from '../../shared/ui/SeniorSwitch.tsx';
import { BigButton } from '../../shared/ui/BigButton.tsx';

const doNothing = () => {};

/** Header with the hall name, the screen's bodies (ScreenBody), a footer with back/home/信息公开 and the 长辈模式 switch. */
export function Frame(props: {
  hallName: string;
  slogan: string;
  /** ScreenBody elements: the one shown and, for home and guide, the one away. */
  children: ComponentChildren;
  onBack?: () => void;
  onHome?: () => void;
  /** 信息公开 / 办事指南 (home only). */
  onInfo?: () => void;
  testId: string;
}) {
  return (
    <div class="kiosk" data-testid={props.testId}>
      <header class="kiosk-header">
        <p class="hall-name">{props.hallName}</p>
        <p class="slogan">{props.slogan}</p>
      </header>
      <main class="kiosk-main">{props.children}</main>
      <footer class="kiosk-footer">
        {/* Kept in the page and hidden where a screen has no use for them: going between screens then builds no buttons. */}
        <BigButton label="返回上一步" icon="back" onClick={props.onBack ?? doNothing} hidden={!props.onBack} testId="back" />
        <BigButton label="回到首页" icon="home" onClick={props.onHome ?? doNothing} hidden={!props.onHome} testId="home" />
        <BigButton label="信息公开" icon="info" onClick={props.onInfo ?? doNothing} hidden={!props.onInfo} testId="open-info" />
        <SeniorSwitch />
      </footer>
    </div>
  );
}
