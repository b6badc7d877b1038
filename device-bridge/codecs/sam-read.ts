// Commands of the ID card reader and the layout of the read (30 01) response data.
import { SamFrameError } from './sam-frame.ts';

export const SAM_COMMANDS = {
  status: [0x11, 0xff],
  samId: [0x12, 0xff],
  find: [0x20, 0x01],
  select: [0x20, 0x02],
  readTextPhoto: [0x30, 0x01],
} as const;

export const PHOTO_BYTES = 1024;

/** Response data of 30 01: text length (BE), photo length (BE), text, photo. */
export function decodeReadData(data: Uint8Array): { text: Uint8Array; photo: Uint8Array } {
  if (data.length < 4) throw new SamFrameError('length', `read data of ${data.length} bytes`);
  const textLength = ((data[0] as number) << 8) | (data[1] as number);
  const photoLength = ((data[2] as number) << 8) | (data[3] as number);
  if (data.length !== 4 + textLength + photoLength) {
    throw new SamFrameError('length', `read data of ${data.length} bytes for text ${textLength} + photo ${photoLength}`);
  }
  return { text: data.subarray(4, 4 + textLength), photo: data.subarray(4 + textLength) };
}

export function encodeReadData(text: Uint8Array, photo: Uint8Array): Uint8Array {
  const data = new Uint8Array(4 + text.length + photo.length);
  data[0] = text.length >> 8;
  data[1] = text.length & 0xff;
  data[2] = photo.length >> 8;
  data[3] = photo.length & 0xff;
  data.set(text, 4);
  data.set(photo, 4 + text.length);
  return data;
}
