// Compile-time proof that an endpoint is declared once: a field renamed in protocol/hall fails to compile in the
// hall-server's handler and in the page's call alike. Checked by the typecheck (`npm run typecheck`): every
// `@ts-expect-error` below must meet an error, so this file stops compiling if a mismatch ever slips through.
// Never run; the functions only give the statements a place to be type-checked.
import { AccountEndpoints } from '../../protocol/hall/accounts.ts';
import { QueueEndpoints, WindowActionEndpoints } from '../../protocol/hall/queue.ts';
import { RatingEndpoints } from '../../protocol/hall/ratings.ts';
import { routeOf, type EndpointResult } from '../../hall-server/core/module.ts';
import { call } from '../../kiosk-app/shared/hall/api.ts';

/** Server side: a handler's answer is checked against the endpoint's response schema. */
export function serverSide(): void {
  const answered: EndpointResult<typeof AccountEndpoints.status> = { body: { passwordSet: true } };
  // @ts-expect-error the response schema calls it passwordSet
  const renamed: EndpointResult<typeof AccountEndpoints.status> = { body: { passwordIsSet: true } };
  routeOf(QueueEndpoints.timings, {
    // @ts-expect-error the response schema calls it serviceSeconds
    handle: () => ({ body: { waitSeconds: 1, walkSeconds: 2, serveSeconds: 3 } }),
  });
  routeOf(WindowActionEndpoints['sign-in'], {
    handle: ({ body }) => {
      // @ts-expect-error the body schema calls it staffId
      void body.staffNo;
      throw new Error('never run');
    },
  });
  void answered;
  void renamed;
}

/** Page side: what a page sends and reads is the endpoint's body and response schema. */
export async function pageSide(): Promise<void> {
  const status = await call(AccountEndpoints.status);
  void status.passwordSet;
  // @ts-expect-error the response schema calls it passwordSet
  void status.passwordIsSet;
  // @ts-expect-error the body schema calls it staffNo
  await call(AccountEndpoints.login, { body: { staffNumber: '1001', password: 'x' } });
  // @ts-expect-error the path parameter is :id
  await call(RatingEndpoints.caseAction, { params: { caseId: 'c1' }, body: { action: 'callback', note: '已回访' } });
  // @ts-expect-error a case action is one of the declared actions
  await call(RatingEndpoints.caseAction, { params: { id: 'c1' }, body: { action: 'close', note: '已回访' } });
}
