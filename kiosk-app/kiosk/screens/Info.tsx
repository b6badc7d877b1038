import { useEffect, useState } from 'preact/hooks';
import type { PackData } from '../../../content/schema/index.ts';
import { ImprovementEndpoints, type PublishedImprovement } from '../../../protocol/hall/improvement.ts';
import { chineseDate } from '../../../protocol/bridge/ticket/slip.ts';
import { call } from '../../shared/hall/api.ts';

/** 信息公开 (DB21/T 4402 §10): institution, hours, phones, duties, service commitments, and the 整改公示 (§11.2). */
export function Info({ pack }: { pack: PackData }) {
  const hall = pack.manifest.hall;
  return (
    <>
      <h1>信息公开</h1>
      <div class="panel">
        <p>
          <strong>服务机构：</strong>
          {hall.name}
        </p>
        <p>
          <strong>地址：</strong>
          {hall.address}
        </p>
        {hall.hours.map((h) => (
          <p key={h}>
            <strong>办公时间：</strong>
            {h}
          </p>
        ))}
        <p>
          <strong>咨询电话：</strong>
          {hall.consultPhone}
          <strong>　投诉电话：</strong>
          {hall.complaintPhone}
        </p>
      </div>
      <h2>服务承诺</h2>
      <ul class="materials">
        {hall.commitments.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Improvements />
      <h2>职责</h2>
      <ul class="materials">
        {hall.duties.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
      <p>各事项的办事指南：请在首页点选事项查看。</p>
    </>
  );
}

/** 整改公示: the hall's improvements closed lately, asked for when the screen opens; nothing while offline. */
function Improvements() {
  const [records, setRecords] = useState<PublishedImprovement[]>([]);
  useEffect(() => {
    let live = true;
    call(ImprovementEndpoints.published).then(
      (r) => live && setRecords(r.records),
      () => undefined, // offline: the rest of 信息公开 comes from the pack and is still shown
    );
    return () => {
      live = false;
    };
  }, []);
  if (records.length === 0) return null;
  return (
    <>
      <h2>整改公示</h2>
      <ul class="materials" data-testid="info-improvements">
        {records.map((r) => (
          <li key={`${r.closedOn}-${r.problem}`}>
            <strong>{r.problem}</strong>
            {`：${r.measure}。整改结果：${r.result}（${chineseDate(r.closedOn)}完成）`}
          </li>
        ))}
      </ul>
    </>
  );
}
