// Preview of a pack as the citizen will see it: the kiosk home and one item's 办事指南 (一次性告知).
import { useState } from 'preact/hooks';
import { hallClockOf } from '../../shared/hall/hall-clock.ts';
import { channelLabels, materialFormLabels, noticeIsShowing, packFileUrl, type PackData, type Service } from '../../../content/schema/index.ts';

function timeLimitText(s: Service): string {
  return s.guide.timeLimit.kind === 'immediate' ? '即办（当场办结）' : `${s.guide.timeLimit.days} 个工作日`;
}

export function PackPreview({ pack }: { pack: PackData }) {
  const [code, setCode] = useState(pack.services[0]?.code ?? '');
  const item = pack.services.find((s) => s.code === code) ?? pack.services[0];
  const now = new Date();
  const hhmm = hallClockOf(now);
  const notices = pack.notices.filter((n) => noticeIsShowing(n, 'kiosk', now, hhmm));
  return (
    <div class="pk-preview">
      <section class="pk-kiosk" aria-labelledby="pk-kiosk-title">
        <h3 id="pk-kiosk-title">取号机首页预览</h3>
        <div class="pk-kiosk-screen">
          <p class="pk-kiosk-hall">{pack.manifest.hall.name}</p>
          <p class="pk-kiosk-slogan">{pack.manifest.hall.slogan}</p>
          {pack.manifest.sample && <p class="pk-tag">示例数据</p>}
          {notices.map((n) => (
            <p key={n.id} class={n.important ? 'pk-notice pk-notice-important' : 'pk-notice'}>
              {n.important ? '【重要】' : ''}
              {n.title}：{n.body}
            </p>
          ))}
          <p class="pk-kiosk-ask">请选择您要办理的事项</p>
          <ul class="pk-kiosk-items">
            {pack.services.map((s) => (
              <li key={s.code}>
                <button type="button" aria-pressed={s.code === item?.code} onClick={() => setCode(s.code)}>
                  <span class="pk-prefix">{s.ticket.prefix}</span> {s.shortName ?? s.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </section>
      {item && <GuidePreview pack={pack} item={item} />}
      <section aria-labelledby="pk-staff-title">
        <h3 id="pk-staff-title">工作人员（{pack.staff.length} 名）</h3>
        <ul class="pk-staff">
          {pack.staff.map((s) => (
            <li key={s.id}>
              <img src={packFileUrl(pack.manifest, s.photo)} alt={`${s.name}的照片`} width={60} height={80} />
              <span>
                {s.name}（工号 {s.id}）{s.partyMember ? ' · 党员' : ''} · {'★'.repeat(s.stars)}
                <span class="pk-sr">{s.stars} 星</span>
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function GuidePreview({ pack, item }: { pack: PackData; item: Service }) {
  const g = item.guide;
  const windows = pack.windows.filter((w) => w.services.includes(item.code));
  return (
    <section class="pk-guide" aria-labelledby="pk-guide-title">
      <h3 id="pk-guide-title">办事指南预览：{item.name}</h3>
      <dl>
        <dt>事项编码</dt>
        <dd>{item.code}（主项：{item.mainItem.name}）</dd>
        <dt>服务对象</dt>
        <dd>{g.serviceObject}</dd>
        <dt>办理时限</dt>
        <dd>{timeLimitText(item)}</dd>
        <dt>办理窗口</dt>
        <dd>{windows.map((w) => `${w.number}号 ${w.name}`).join('、')}</dd>
        <dt>容缺受理</dt>
        <dd>{g.deferredAcceptance.allowed ? `可以${g.deferredAcceptance.note ? `（${g.deferredAcceptance.note}）` : ''}` : '不适用'}</dd>
      </dl>
      <table class="pk-materials">
        <caption>申办材料（一次性告知）</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">材料名称</th>
            <th scope="col">形式</th>
            <th scope="col">份数</th>
            <th scope="col">可容缺</th>
            <th scope="col">备注</th>
          </tr>
        </thead>
        <tbody>
          {g.materials.map((m, i) => (
            <tr key={m.name}>
              <td>{i + 1}</td>
              <td>{m.name}</td>
              <td>{materialFormLabels[m.form]}</td>
              <td>{m.count}</td>
              <td>{m.deferrable ? '是' : '否'}</td>
              <td>{m.notes ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>办理流程</h4>
      <ol>
        {g.process.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ol>
      <h4>办理渠道</h4>
      <ul>
        {g.channels.map((c, i) => (
          <li key={i}>
            {channelLabels[c.kind]}：{c.description}
            {c.url ? `（${c.url}）` : ''}
            {c.phone ? `（${c.phone}）` : ''}
          </li>
        ))}
      </ul>
      <p>
        受理机构：{g.agency.name}，{g.agency.location}；办理时间：{g.hours}；咨询电话 {g.consultPhone}；监督电话 {g.supervisePhone}
      </p>
    </section>
  );
}
