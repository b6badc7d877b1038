// QR matrix for the screen preview, encoding the same bytes the printer's GS ( k stores (ASCII payload, level M).
import qrcode from 'qrcode-generator';

export interface QrMatrix {
  size: number;
  isDark(row: number, column: number): boolean;
}

// Layout asks for the same payload more than once (height, then drawing); building a QR is the costly part.
const recent = new Map<string, QrMatrix>();

export function qrMatrix(payload: string): QrMatrix {
  const cached = recent.get(payload);
  if (cached) return cached;
  const code = qrcode(0, 'M');
  code.addData(payload, 'Byte');
  code.make();
  const size = code.getModuleCount();
  const dark = new Uint8Array(size * size);
  for (let row = 0; row < size; row++) for (let column = 0; column < size; column++) dark[row * size + column] = code.isDark(row, column) ? 1 : 0;
  const matrix: QrMatrix = { size, isDark: (row, column) => dark[row * size + column] === 1 };
  recent.set(payload, matrix);
  if (recent.size > 8) recent.delete(recent.keys().next().value as string);
  return matrix;
}
