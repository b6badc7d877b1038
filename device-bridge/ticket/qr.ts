// QR matrix for the screen preview, encoding the same bytes the printer's GS ( k stores (ASCII payload, level M).
import qrcode from 'qrcode-generator';

export interface QrMatrix {
  size: number;
  isDark(row: number, column: number): boolean;
}

export function qrMatrix(payload: string): QrMatrix {
  const code = qrcode(0, 'M');
  code.addData(payload, 'Byte');
  code.make();
  return { size: code.getModuleCount(), isDark: (row, column) => code.isDark(row, column) };
}
