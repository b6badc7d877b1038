import { describe, expect, it } from 'vitest';
import { pagesFor } from './nav.ts';

const labels = (role: Parameters<typeof pagesFor>[0]) => pagesFor(role).map((p) => p.label);

describe('the console shows a page to the roles that may call the endpoint it opens with', () => {
  it('大厅负责人: every page', () => {
    expect(labels('owner')).toEqual(['大厅总览', '终端与配对', '好差评', '内容包', '设备', '群众求助', '容缺补正', '整改提升', '示范点自查', '区域中心', '审计日志', '账号与会话']);
  });

  it('值班长: the hall, terminals, devices, help, the 整改 records and their own account', () => {
    expect(labels('shift_lead')).toEqual(['大厅总览', '终端与配对', '设备', '群众求助', '整改提升', '账号与会话']);
  });

  it('回访员: the 差评 cases and their own account', () => {
    expect(labels('callback')).toEqual(['好差评', '账号与会话']);
  });
});
