// The optional neighbours list of a hall's info (the kiosk home's nearest sites, the site page's links).
import { describe, expect, it } from 'vitest';
import { hallInfoSchema } from './manifest.ts';

const base = {
  name: '某某县医疗保障服务大厅', level: '县区', region: '辽宁省某市某县', address: '某路1号', hours: ['周一至周五'],
  consultPhone: '0410-1', complaintPhone: '0410-2', duties: ['经办'], commitments: ['一次性告知'],
};
const message = (value: unknown) => {
  const r = hallInfoSchema.safeParse({ ...base, neighbours: value });
  return r.success ? null : r.error.issues[0]!.message;
};

describe('hall.neighbours', () => {
  it('is optional; takes site ids with names, nearest first', () => {
    expect(hallInfoSchema.parse(base).neighbours).toBeUndefined();
    expect(hallInfoSchema.parse({ ...base, neighbours: [{ siteId: 'gangshan', name: '钢山街道医保服务站' }] }).neighbours).toEqual([{ siteId: 'gangshan', name: '钢山街道医保服务站' }]);
  });
  it('refuses a malformed id, a repeated site and more than four, in Chinese', () => {
    expect(message([{ siteId: 'Gang Shan', name: '钢山' }])).toBe('站点编号只能由小写字母、数字和-组成');
    expect(message([{ siteId: 'gangshan', name: '钢山' }, { siteId: 'gangshan', name: '钢山2' }])).toBe('邻近站点不能重复');
    expect(message(['a1', 'b1', 'c1', 'd1', 'e1'].map((siteId) => ({ siteId, name: siteId })))).toBe('最多列 4 个邻近站点');
  });
});
