import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { InspectionReport } from '../../../protocol/hall/inspection.ts';
import { InspectionBody } from './SiteInspection.tsx';

const report: InspectionReport = {
  month: '2026-11', hallName: '太平镇医保服务站', packVersion: 7, generatedAt: '2026-11-30T09:05:00.000Z', passed: 1, failed: 1,
  indicators: [
    { id: 'windows', clause: '示范点标准 二（六）· 窗口设置', title: '服务窗口数量', target: '不少于 3 个', figure: '3 个（其中潮汐窗口 1 个）', status: 'pass', detail: '' },
    { id: 'satisfaction', clause: '示范点指标 19 · 满意度', title: '月度满意率', target: '不低于 90%', figure: '86.0%（250 次评价，差评 35 次）', status: 'fail', detail: '满意率低于目标，请在整改记录中制定措施' },
    { id: 'tidal', clause: 'DB21/T 4402 §7.1.6', title: '潮汐窗口开启', target: '等候超过 5 人时开启潮汐窗口', figure: '本月等候人数未超过 5 人', status: 'no_data', detail: '' },
  ],
};

const text = (html: string) => html.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|');

describe('a site’s 示范点自查 section', () => {
  it('gives the month, pack version, generation time in hall time and the counts', () => {
    expect(text(render(<InspectionBody report={report} />))).toContain(
      '2026 年 11 月；内容包第 7 版；生成于 2026-11-30 17:05:00。共 3 项：达标 |1| 项，未达标 |1| 项，本月无数据 1 项。',
    );
  });

  it('lists each indicator under 条款, 指标, 要求, 本站数据, 结果, 说明 with a row header and the status in words', () => {
    const html = render(<InspectionBody report={report} />);
    expect(text(html.slice(html.indexOf('<thead>'), html.indexOf('</thead>')))).toBe('|条款|指标|要求|本站数据|结果|说明|');
    const rows = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>')).split('</tr>').slice(0, -1).map(text);
    expect(rows).toEqual([
      '|示范点标准 二（六）· 窗口设置|服务窗口数量|不少于 3 个|3 个（其中潮汐窗口 1 个）|达标|—|',
      '|示范点指标 19 · 满意度|月度满意率|不低于 90%|86.0%（250 次评价，差评 35 次）|未达标|满意率低于目标，请在整改记录中制定措施|',
      '|DB21/T 4402 §7.1.6|潮汐窗口开启|等候超过 5 人时开启潮汐窗口|本月等候人数未超过 5 人|本月无数据|—|',
    ]);
    expect(html).toContain('<tr class="region-row-alert"><td>示范点指标 19 · 满意度</td>');
    expect(html).toContain('<th scope="row">月度满意率</th>');
    expect(html).toContain('<caption>太平镇医保服务站 · 2026 年 11 月 示范点自查结果</caption>');
  });

  it('says so when the site has not reported', () => {
    expect(render(<InspectionBody report={null} />)).toBe('<p>该站点尚未上报自查结果</p>');
  });
});
