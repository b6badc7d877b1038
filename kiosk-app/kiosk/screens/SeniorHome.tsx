// 长辈模式 home: the pack's one question, then the chosen answer's items, at most 4 a screen (model/seniorHome.ts).
import type { ComponentChildren } from 'preact';
import { BigButton } from '../../shared/ui/BigButton.tsx';
import type { SeniorItemPage, SeniorQuestion } from '../model/seniorHome.ts';

/** `banners`: the hall's notices, under the choices. */
export function SeniorQuestionScreen(props: { question: SeniorQuestion; onAnswer: (id: string) => void; banners: ComponentChildren }) {
  return (
    <>
      <h1 data-testid="senior-question">{props.question.question}</h1>
      <div class="senior-choices">
        {props.question.answers.map((a) => (
          <BigButton
            key={a.id}
            label={a.label}
            icon={a.icon}
            layout="row"
            variant="quiet"
            choice
            detail={a.hint ?? undefined}
            onClick={() => props.onAnswer(a.id)}
            testId={`answer-${a.id}`}
          />
        ))}
      </div>
      {props.banners}
    </>
  );
}

export function SeniorItemsScreen(props: {
  banners: ComponentChildren;
  answerLabel: string;
  pages: SeniorItemPage[];
  page: number;
  onPage: (page: number) => void;
  onItem: (code: string) => void;
}) {
  const pageIndex = Math.min(props.page, Math.max(0, props.pages.length - 1));
  const page = props.pages[pageIndex];
  const last = props.pages.length - 1;
  return (
    <>
      <h1>
        {props.answerLabel}：{page?.frequent ? '常办事项' : pageIndex === 0 ? '请选择事项' : '更多事项'}
      </h1>
      <div class="senior-choices">
        {page?.items.map((item) => (
          <BigButton
            key={item.code}
            label={item.label}
            icon={item.icon ?? 'ticket'}
            layout="row"
            variant="quiet"
            choice
            detail={item.groupName}
            onClick={() => props.onItem(item.code)}
            testId={`item-${item.code}`}
          />
        ))}
      </div>
      {props.banners}
      {props.pages.length > 1 && (
        <nav class="pager" aria-label="翻页">
          <BigButton label="上一页" icon="prev" disabled={pageIndex === 0} onClick={() => props.onPage(pageIndex - 1)} testId="page-prev" />
          <span class="pager-status" data-testid="page-status">
            {pageIndex + 1} / {props.pages.length}
          </span>
          <BigButton label="更多事项" icon="next" disabled={pageIndex >= last} onClick={() => props.onPage(pageIndex + 1)} testId="page-next" />
        </nav>
      )}
    </>
  );
}
