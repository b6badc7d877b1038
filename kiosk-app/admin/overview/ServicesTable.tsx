import type { ServiceView } from '../../../protocol/hall/index.ts';

export function ServicesTable({ services }: { services: ServiceView[] }) {
  return (
    <section aria-labelledby="services-title">
      <h2 id="services-title">各事项排队</h2>
      <table class="admin-table">
        <thead>
          <tr><th scope="col">事项</th><th scope="col">字头</th><th scope="col">等候</th><th scope="col">今日已取</th><th scope="col">取号状态</th></tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.code}>
              <th scope="row">{s.name}</th>
              <td>{s.prefix}</td>
              <td>{s.waiting} 人</td>
              <td>{s.issuedToday}{s.dailyCap ? ` / ${s.dailyCap}` : ''}</td>
              <td>{s.open ? '可取号' : `暂停取号：${s.closedReason ?? ''}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
