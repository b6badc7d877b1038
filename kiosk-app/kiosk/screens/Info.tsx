import type { PackData } from '../../../content/schema/index.ts';

/** 信息公开 (DB21/T 4402 §10): institution, hours, phones, duties, service commitments. */
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
