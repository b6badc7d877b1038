import type { Service } from '../../../content/schema/index.ts';
import { BigButton } from '../../shared/ui/BigButton.tsx';
import { Icon } from '../../shared/ui/icons.tsx';
import { materialText, timeLimitText } from './texts.ts';

/** 一次性告知 (DB21/T 4402 §9.3): everything needed, in one go, before the ticket. */
export function Notice(props: { service: Service; issuing: boolean; error: string | null; green: boolean }) {
  const g = props.service.guide;
  return (
    <>
      <h1>一次性告知：请您备齐以下材料</h1>
      <p>
        事项：{props.service.name}；{timeLimitText(g.timeLimit)}
        {props.green ? '；您已选择绿色通道' : ''}
      </p>
      <ul class="materials" data-testid="checklist">
        {g.materials.map((m) => (
          <li key={m.name}>
            <Icon name="check" /> {materialText(m)}
            {m.deferrable && g.deferredAcceptance.allowed && <span class="tag">可容缺，可后补</span>}
          </li>
        ))}
        {g.materials.length === 0 && <li>本事项无需材料</li>}
      </ul>
      {g.conditions.length > 0 && <p>办理条件：{g.conditions.join('；')}</p>}
      <p>办理流程：{g.process.map((step, i) => `${i + 1}. ${step}`).join('　')}</p>
      <IssueStatus issuing={props.issuing} error={props.error} />
    </>
  );
}

/** What the ticket issue is doing, read out by screen readers as it changes. */
export function IssueStatus({ issuing, error }: { issuing: boolean; error: string | null }) {
  return (
    <div role="status" aria-live="polite">
      {issuing && <p class="ui-banner">正在取号，请您稍等…</p>}
      {error && (
        <p class="ui-banner" data-testid="issue-error">
          <Icon name="warn" />
          {error}
        </p>
      )}
    </div>
  );
}

export function NoticeActions({ issuing, onIssue, onMissing }: { issuing: boolean; onIssue: () => void; onMissing: () => void }) {
  return (
    <>
      <BigButton label="材料已备齐，取号" icon="check" variant="primary" size="large" disabled={issuing} onClick={onIssue} testId="issue" />
      <BigButton label="材料不全，怎么办" icon="list" size="large" disabled={issuing} onClick={onMissing} testId="issue-anyway" />
    </>
  );
}
