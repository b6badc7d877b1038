// 求助: "呼叫工作人员" requests from kiosks and pads, with the terminal's name, newest open first; staff mark them handled.
import { useEffect, useState } from 'preact/hooks';
import { IdentityEndpoints, type HelpRequestView } from '../../../protocol/hall/identity.ts';
import { call, HallApiError } from '../../shared/hall/api.ts';
import { formatTime } from '../labels.ts';
import type { AdminPageProps } from '../page.ts';

const SCREEN_LABELS: Record<string, string> = {
  home: '首页',
  info: '信息公开',
  guide: '办事指南',
  identify: '出示证件',
  confirm: '核对信息',
  notice: '一次性告知',
  ticket: '取号结果',
  thanks: '办理完成',
};

export default function HelpRequests({ stream }: AdminPageProps) {
  const [requests, setRequests] = useState<HelpRequestView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      setRequests((await call(IdentityEndpoints.helpList)).requests);
      setError(null);
    } catch (err) {
      setError(err instanceof HallApiError ? err.message : '求助记录获取失败');
    }
  };
  const resolve = async (id: number) => {
    try {
      await call(IdentityEndpoints.helpResolve, { params: { id }, body: {} });
      await load();
    } catch (err) {
      setError(err instanceof HallApiError ? err.message : '操作未成功，请重试');
    }
  };
  useEffect(() => {
    void load();
    return stream.onEvent((e) => {
      if (e.type === 'help.requested' || e.type === 'help.resolved') void load();
    });
  }, [stream]);
  const open = requests?.filter((r) => r.resolvedAt === null) ?? [];
  return (
    <div>
      <h1>群众求助</h1>
      <p class="admin-summary" role="status">{requests === null ? '正在加载…' : open.length === 0 ? '当前没有待处理的求助。' : `有 ${open.length} 条求助待处理，请尽快前往。`}</p>
      {error && <p role="alert" class="admin-error"><span aria-hidden="true">⚠ </span>{error}</p>}
      {requests && requests.length > 0 && (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">终端</th><th scope="col">所在页面</th><th scope="col">求助时间</th><th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.terminalName}</th>
                <td>{SCREEN_LABELS[r.screen] ?? r.screen}</td>
                <td>{formatTime(r.at)}</td>
                <td>
                  {r.resolvedAt === null ? (
                    <button type="button" onClick={() => void resolve(r.id)}>标记为已处理</button>
                  ) : (
                    `已处理（${r.resolvedBy ?? ''}，${formatTime(r.resolvedAt)}）`
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
