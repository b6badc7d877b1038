// The 容缺受理承诺书 and the bring-next-time list as ESC/POS bytes, with the ticket's block renderer.
import { EscPosBuilder } from '../codecs/escpos.ts';
import { layoutSlip, SlipSchema, type Slip } from '../../protocol/bridge/ticket/slip.ts';
import { renderBlock } from './escpos.ts';

/** Validates the slip and lays it out as one print job: init, Chinese mode, the blocks, partial cut. */
export function slipToEscPos(input: Slip): Uint8Array {
  const slip = SlipSchema.parse(input);
  const builder = new EscPosBuilder().init();
  for (const block of layoutSlip(slip)) renderBlock(builder, block);
  return builder.cut(0).bytes();
}
