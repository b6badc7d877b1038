import { useMemo } from 'preact/hooks';
import type { Notice, PackData } from '../../../content/schema/index.ts';
import { BigButton } from '../../shared/ui/BigButton.tsx';
import { seniorMode } from '../../shared/ui/mode.ts';
import { paginateCatalog, tilesPerPage, type CatalogItem } from '../model/catalog.ts';
import { timeLimitText } from './timeLimit.ts';

export function Home(props: {
  pack: PackData;
  page: number;
  onPage: (page: number) => void;
  onItem: (code: string) => void;
  onInfo: () => void;
  /** Notices showing on the kiosk now (the caller filters them). */
  notices: Notice[];
  /** The hall issues no tickets today for any item (e.g. 法定节假日): the reason, shown above the items. */
  closedReason: string | null;
}) {
  const { pack } = props;
  const perPage = tilesPerPage(seniorMode.value);
  const pages = useMemo(() => {
    const items: CatalogItem[] = pack.services.map((s) => ({ code: s.code, label: s.shortName ?? s.name, group: s.mainItem }));
    return paginateCatalog(items, perPage);
  }, [pack, perPage]);
  const pageIndex = Math.min(props.page, Math.max(0, pages.length - 1));
  const page = pages[pageIndex] ?? [];
  const notices = props.notices;
  const byCode = useMemo(() => new Map(pack.services.map((s) => [s.code, s])), [pack]);
  return (
    <>
      <h1>您好，请选择您要办理的事项</h1>
      {props.closedReason && (
        <p class="ui-banner" role="status" data-testid="hall-closed">
          {props.closedReason}
        </p>
      )}
      {notices.slice(0, 1).map((n) => (
        <p class="ui-banner" key={n.id} data-testid="kiosk-notice">
          {n.title}：{n.body}
        </p>
      ))}
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
      <BigButton label="信息公开 / 办事指南" icon="info" onClick={props.onInfo} testId="open-info" />
    </>
  );
}

