// Issue 11 items 10–12: the names, birth dates and identities a ticket request carries are the server's to check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIdNumber } from '../support/citizens.ts';
import { startTestHall, type TestHall } from '../support/hall.ts';

/** 01 社保参保登记: identity required, 绿色通道 from 70. */
const REQUIRED = '212036001003';
/** 03 医保关系转移: identity optional. */
const OPTIONAL = '212036001002';

let hall: TestHall;
let kiosk: string;
let counter: string;
beforeAll(async () => {
  hall = await startTestHall({ now: () => new Date('2026-11-23T01:00:00Z') });
  kiosk = await hall.pair('kiosk');
  counter = await hall.pair('counter', 1);
});
afterAll(() => hall.close());

let key = 0;
const issue = (body: Record<string, unknown>, token = kiosk) =>
  hall.api('POST', '/api/tickets', { idempotencyKey: `identity-input-${key++}`, serviceCode: OPTIONAL, ...body }, token);
let serial = 100;
const person = (name: string, birthDate = '1988-03-15') => ({ idNumber: testIdNumber(birthDate, serial++), name, birthDate, source: 'id_card' });

describe('names', () => {
  it.each([
    ['张\u0000三', '字段 identity.name：姓名含有控制字符，请重新输入'],
    ['\u202E三张', '字段 identity.name：姓名含有改变文字方向的隐藏字符，请重新输入'],
    ['张\u2066三', '字段 identity.name：姓名含有改变文字方向的隐藏字符，请重新输入'],
    ['\u200B\u200C\u200D\uFEFF', '字段 identity.name：姓名不能为空'],
    [' \u3000 ', '字段 identity.name：姓名不能为空'],
  ])('refuses %j with a clear 400 and issues nothing', async (name, message) => {
    const before = hall.hall!.db.prepare('SELECT COUNT(*) FROM queue_tickets').pluck().get();
    const res = await issue({ identity: person(name) });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'invalid_body', message: `请求内容有误。${message}` });
    expect(hall.hall!.db.prepare('SELECT COUNT(*) FROM queue_tickets').pluck().get()).toBe(before);
  });

  it('refuses a lone surrogate sent as raw JSON escapes', async () => {
    const res = await fetch(hall.url + '/api/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${kiosk}` },
      body: `{"idempotencyKey":"identity-input-surrogate","serviceCode":"${OPTIONAL}","identity":{"idNumber":"${testIdNumber('1988-03-15', 7)}","name":"张\\ud800","birthDate":"1988-03-15","source":"id_card"}}`,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('请求内容有误。字段 identity.name：姓名含有无法显示的字符，请重新输入');
  });

  it('stores the name in NFC, trimmed, and masks that', async () => {
    const res = await issue({ identity: person('\u200B Jose\u0301 Li ') });
    expect(res.status).toBe(201);
    // 'José Li' in NFC is 7 characters; the decomposed form would mask to 8.
    expect(res.body.ticket.maskedName).toBe('J*****i');
  });
});

describe('birth date and sex come from the ID number', () => {
  it('refuses an ID born in 2000 that claims 1940 (no 长者 priority from the request)', async () => {
    const idNumber = testIdNumber('2000-06-01', 11);
    const res = await issue({ serviceCode: REQUIRED, identity: { idNumber, name: '李四', birthDate: '1940-06-01', source: 'id_card' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'identity_mismatch', message: '出生日期与身份证号码不符，请重新读卡或核对证件' });
  });

  it('refuses a sex the number contradicts', async () => {
    const idNumber = testIdNumber('2000-06-01', 11); // serial 011: odd, male
    const res = await issue({ identity: { idNumber, name: '李四', birthDate: '2000-06-01', sex: 'female', source: 'id_card' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('identity_mismatch');
  });

  it('gives 长者 priority from the number of a person born in 1940', async () => {
    const res = await issue({ serviceCode: REQUIRED, identity: { idNumber: testIdNumber('1940-06-01', 12), name: '王五', birthDate: '1940-06-01', source: 'id_card' } });
    expect(res.status).toBe(201);
    expect(res.body.ticket.priority).toBe('elderly');
  });

  it('refuses an ID number whose date cannot exist', async () => {
    const first = testIdNumber('1999-02-28', 5).slice(0, 6) + '19990229' + '005';
    const { idCheckCharacter } = await import('../../protocol/person/id-number.ts');
    const res = await issue({ identity: { idNumber: first + idCheckCharacter(first), name: '赵六', birthDate: '1999-02-28', source: 'id_card' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('id_number_invalid');
  });
});

describe('items that require identity', () => {
  it('refuses a ticket without identity from a kiosk or a counter, and issues nothing', async () => {
    const before = hall.hall!.db.prepare('SELECT COUNT(*) FROM queue_tickets').pluck().get();
    for (const token of [kiosk, counter]) {
      const res = await issue({ serviceCode: REQUIRED }, token);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ code: 'identity_required', message: '办理该事项需要先识别身份，请刷身份证、社保卡或出示医保码' });
    }
    expect(hall.hall!.db.prepare('SELECT COUNT(*) FROM queue_tickets').pluck().get()).toBe(before);
  });

  it('issues it with identity, and an optional item without', async () => {
    expect((await issue({ serviceCode: REQUIRED, identity: person('孙七') })).status).toBe(201);
    expect((await issue({ serviceCode: OPTIONAL })).status).toBe(201);
  });
});
