// Social-security card reader with a serial APDU pass-through (APDUs inside SAM-style frames).
import type { Identity } from '../../protocol/bridge/messages.ts';
import { PASS_THROUGH, readSocialSecurityCard, SsCardError, type ApduTransport } from '../codecs/sscard-apdu.ts';
import { SAM_COMMANDS } from '../codecs/sam-read.ts';
import { expectSw3, SAM_SW3_FOUND, SamStatusError } from '../codecs/sam-status.ts';
import { CardReaderDriver } from './card-reader.ts';

export class SsCardDriver extends CardReaderDriver {
  protected async probe(): Promise<void> {
    expectSw3((await this.request(...SAM_COMMANDS.status)).sw3);
  }

  protected async cardPresent(): Promise<boolean> {
    const { sw3 } = await this.request(...PASS_THROUGH.cardStatus);
    if (sw3 === SAM_SW3_FOUND) return true;
    if (sw3 === 0x80) return false;
    throw new SamStatusError(sw3);
  }

  protected async readCard(): Promise<Identity> {
    expectSw3((await this.request(...PASS_THROUGH.powerOn)).sw3);
    const apdu: ApduTransport = {
      transmit: async (command) => {
        const response = await this.request(...PASS_THROUGH.transmit, command);
        if (response.sw3 === 0x80) throw new SsCardError('no_card', 'card left during the read');
        expectSw3(response.sw3);
        return response.data;
      },
    };
    const card = await readSocialSecurityCard(apdu);
    return { source: 'sscard', name: card.name, idNumber: card.idNumber, birthDate: card.birthDate, gender: card.gender, docType: 'resident' };
  }
}
