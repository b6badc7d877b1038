import { describe, expect, it } from 'vitest';
import { readRecord, readSocialSecurityCard, selectByName, selectEf, SSCARD_DF_NAME, SsCardError } from './sscard-apdu.ts';
import { simulatedCardTransport, type SimulatedSsCardData } from './sscard-card.ts';

const card: SimulatedSsCardData = {
  cardNumber: 'A12345678',
  idNumber: '11010519491231002X',
  name: '李四',
  genderCode: '2',
  nationCode: '03',
  birth: '19491231',
  locked: false,
};

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('social-security card APDUs', () => {
  it('builds SELECT by DF name in GBK, SELECT EF and READ RECORD', () => {
    expect(hex(SSCARD_DF_NAME)).toBe('7378312e73682e' + 'c9e7bbe1b1a3d5cf');
    expect(hex(selectByName(SSCARD_DF_NAME))).toBe('00a404000f7378312e73682ec9e7bbe1b1a3d5cf');
    expect(hex(selectEf(0xef06))).toBe('00a4020002ef06');
    expect(hex(readRecord(0x09))).toBe('00b2090400');
  });

  it('reads the identity in the documented order', async () => {
    const sent: string[] = [];
    const inner = simulatedCardTransport(card);
    const identity = await readSocialSecurityCard({ transmit: (apdu) => (sent.push(hex(apdu)), inner.transmit(apdu)) });
    expect(identity).toEqual({ cardNumber: 'A12345678', idNumber: '11010519491231002X', name: '李四', gender: '女', nationCode: '03', birthDate: '1949-12-31' });
    expect(sent).toEqual([
      '00a404000f7378312e73682ec9e7bbe1b1a3d5cf',
      '00a4020002ef05',
      '00b2070400',
      '00a4020002ef06',
      '00b2080400',
      '00b2090400',
      '00b20a0400',
      '00b20b0400',
      '00b20d0400',
    ]);
  });

  it('tells the citizen to use the ID card or QR when the card refuses a free read', async () => {
    const error = await readSocialSecurityCard(simulatedCardTransport({ ...card, locked: true })).catch((caught) => caught);
    expect(error).toBeInstanceOf(SsCardError);
    expect(error.code).toBe('locked');
    expect(error.reason).toBe('此卡需要密码或专用设备才能读取，请改用身份证或医保码');
  });

  it('rejects a card whose social-security number fails the check character', async () => {
    const error = await readSocialSecurityCard(simulatedCardTransport({ ...card, idNumber: '110105194912310021' })).catch((caught) => caught);
    expect(error.code).toBe('bad_data');
  });

  it('follows 61xx with GET RESPONSE', async () => {
    const inner = simulatedCardTransport(card);
    let pending: Uint8Array | null = null;
    const transport = {
      async transmit(apdu: Uint8Array) {
        if (apdu[1] === 0xc0 && pending) return pending;
        const response = await inner.transmit(apdu);
        if (apdu[1] === 0xb2 && apdu[2] === 0x09) {
          pending = response;
          return Uint8Array.of(0x61, response.length - 2);
        }
        return response;
      },
    };
    expect((await readSocialSecurityCard(transport)).name).toBe('李四');
  });
});
