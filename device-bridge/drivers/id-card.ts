// Second-generation ID card reader over the SAM serial protocol: probe 11 FF, then find → select → read.
import type { Identity } from '../../protocol/bridge/messages.ts';
import { decodeIdText } from '../codecs/id-text.ts';
import { decodeReadData, idReaderReplyFits, SAM_COMMANDS } from '../codecs/sam-read.ts';
import { expectSw3, SAM_SW3_FOUND, SamStatusError } from '../codecs/sam-status.ts';
import { CardReaderDriver } from './card-reader.ts';

export class IdCardDriver extends CardReaderDriver {
  private ask(command: (typeof SAM_COMMANDS)[keyof typeof SAM_COMMANDS]) {
    return this.request(command[0], command[1], undefined, (response) => idReaderReplyFits(command, response));
  }

  protected async probe(): Promise<void> {
    expectSw3((await this.ask(SAM_COMMANDS.status)).sw3);
  }

  protected async cardPresent(): Promise<boolean> {
    const { sw3 } = await this.ask(SAM_COMMANDS.find);
    if (sw3 === SAM_SW3_FOUND) return true;
    if (sw3 === 0x80) return false;
    throw new SamStatusError(sw3);
  }

  protected async readCard(): Promise<Identity> {
    expectSw3((await this.ask(SAM_COMMANDS.select)).sw3);
    const response = await this.ask(SAM_COMMANDS.readTextPhoto);
    expectSw3(response.sw3);
    // The WLT photo needs a licensed decoder: it is dropped here, never decoded or passed on.
    const text = decodeIdText(decodeReadData(response.data).text);
    return { source: 'idcard', name: text.name, idNumber: text.idNumber, birthDate: text.birthDate, gender: text.gender, docType: text.docType };
  }
}
