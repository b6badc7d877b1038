import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Notice, PackData } from '../../../content/schema/index.ts';
import { BigButton } from '../../shared/ui/BigButton.tsx';
import { seniorMode } from '../../shared/ui/mode.ts';
import { homeGrid, paginateCatalog, tilesPerPage, type CatalogItem } from '../model/catalog.ts';
import { seniorItemPages, seniorQuestion } from '../model/seniorHome.ts';
import { SeniorItemsScreen, SeniorQuestionScreen } from './SeniorHome.tsx';
import { timeLimitText } from './timeLimit.ts';

/** Home: the paged grid of items; in 长辈模式, when the pack asks a home question, the question and then its items. */
export function Home(props: Parameters<typeof GridHome>[0]) {
  const { pack } = props;
  const question = useMemo(() => (seniorMode.value ? seniorQuestion(pack) : null), [pack, seniorMode.value]);
  const pages = useMemo(
    () => (question && props.answer ? seniorItemPages(pack, props.answer, props.itemCounts) : []),
    [pack, question, props.answer, props.itemCounts],
  );
  if (!question) return <GridHome {...props} />;
  const banners = (
    <>
      <HomeBanners closedReason={props.closedReason} notices={props.notices} />
      {props.neighbours}
    </>
  );
  const answer = question.answers.find((a) => a.id === props.answer);
  if (!answer) return <SeniorQuestionScreen question={question} onAnswer={props.onAnswer} banners={banners} />;
  return (
    <SeniorItemsScreen
      answerLabel={answer.label}
      pages={pages}
      page={props.page}
      onPage={props.onPage}
      onItem={props.onItem}
      banners={banners}
    />
  );
}

function HomeBanners(props: { closedReason: string | null; notices: Notice[] }) {
  return (
    <>
      {props.closedReason && (
        <p class="ui-banner" role="status" data-testid="hall-closed">
          {props.closedReason}
        </p>
      )}
      {props.notices.slice(0, 1).map((n) => (
        <p class="ui-banner" key={n.id} data-testid="kiosk-notice">
          {n.title}：{n.body}
        </p>
      ))}
    </>
  );
}

function GridHome(props: {
  pack: PackData;
  page: number;
  /** 长辈模式: the answer to the pack's home question; none: the question is asked. */
  answer: string | undefined;
  /** Tickets the hall issued per item lately (orders the 长辈模式 常办事项). */
  itemCounts: ReadonlyMap<string, number>;
  onPage: (page: number) => void;
  onItem: (code: string) => void;
  onAnswer: (answer: string) => void;
  /** Notices showing on the kiosk now (the caller filters them). */
  notices: Notice[];
  /** The hall issues no tickets today for any item (e.g. 法定节假日): the reason, shown above the items. */
  closedReason: string | null;
  /** The nearest sites' waiting counts (screens/Neighbours.tsx), under the items; nothing when none. */
  neighbours?: ComponentChildren;
}) {
  const { pack } = props;
  const perPage = tilesPerPage(seniorMode.value);
  const pages = useMemo(() => {
    const items: CatalogItem[] = pack.services.map((s) => ({ code: s.code, label: s.shortName ?? s.name, group: s.mainItem }));
    return paginateCatalog(items, perPage, homeGrid(seniorMode.value));
  }, [pack, perPage]);
  const pageIndex = Math.min(props.page, Math.max(0, pages.length - 1));
  const page = pages[pageIndex] ?? [];
  const notices = props.notices;
  const byCode = useMemo(() => new Map(pack.services.map((s) => [s.code, s])), [pack]);
  return (
    <>
      <h1>您好，请选择您要办理的事项</h1>
      <HomeBanners closedReason={props.closedReason} notices={notices} />
      {page.map((section) => (
        <section key={section.group.code + String(section.continued)} aria-label={section.group.name}>
          <h2>
            {section.group.name}
            {section.continued ? '（续）' : ''}
          </h2>
          <div class="tile-grid">
            {section.items.map((item) => {
              const svc = byCode.get(item.code);
              return (
                <BigButton
                  key={item.code}
                  label={item.label}
                  icon="ticket"
                  layout="tile"
                  variant="quiet"
                  detail={svc ? timeLimitText(svc.guide.timeLimit) : undefined}
                  onClick={() => props.onItem(item.code)}
                  testId={`item-${item.code}`}
                />
              );
            })}
          </div>
        </section>
      ))}
      {props.neighbours}
      <nav class="pager" aria-label="翻页">
        <BigButton label="上一页" icon="prev" disabled={pageIndex === 0} onClick={() => props.onPage(pageIndex - 1)} testId="page-prev" />
        <span class="pager-status" data-testid="page-status">
          第 {pageIndex + 1} 页，共 {Math.max(1, pages.length)} 页
        </span>
        <BigButton
          label="下一页"
          icon="next"
          disabled={pageIndex >= pages.length - 1}
          onClick={() => props.onPage(pageIndex + 1)}
          testId="page-next"
        />
      </nav>
    </>
  );
}

