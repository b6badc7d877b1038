// PC/SC errors (pcsclite reports them as "SCardXxx error: text.(0x8010001d)") as typed errors with a Chinese reason.
export type PcscErrorCode =
  | 'addon_missing'
  | 'service_down'
  | 'no_reader'
  | 'reader_busy'
  | 'card_removed'
  | 'card_unresponsive'
  | 'protocol_mismatch'
  | 'failed';

const PCSC_REASONS: Record<PcscErrorCode, string> = {
  addon_missing: '本机未安装社保卡读卡组件（pcsclite），请联系技术人员',
  service_down: '读卡服务（pcscd）未运行，请联系技术人员启动读卡服务',
  no_reader: '未找到社保卡读卡器，请检查读卡器连接',
  reader_busy: '社保卡读卡器正被其他程序占用，请稍候',
  card_removed: '社保卡已取出',
  card_unresponsive: '社保卡无响应，请取出后重新插入，或改用身份证或医保码',
  protocol_mismatch: '社保卡不支持读卡器设置的通信协议，请联系技术人员检查设置',
  failed: '社保卡读卡器通信失败',
};

/** PC/SC return codes (winscard) by the error they become. */
const CODES: Record<number, PcscErrorCode> = {
  0x8010001d: 'service_down', // SCARD_E_NO_SERVICE
  0x8010001e: 'service_down', // SCARD_E_SERVICE_STOPPED
  0x80100013: 'service_down', // SCARD_F_COMM_ERROR: the socket to pcscd broke
  0x80100009: 'no_reader', // SCARD_E_UNKNOWN_READER
  0x8010002e: 'no_reader', // SCARD_E_NO_READERS_AVAILABLE
  0x80100017: 'no_reader', // SCARD_E_READER_UNAVAILABLE
  0x8010000b: 'reader_busy', // SCARD_E_SHARING_VIOLATION
  0x8010000c: 'card_removed', // SCARD_E_NO_SMARTCARD
  0x80100069: 'card_removed', // SCARD_W_REMOVED_CARD
  0x80100068: 'card_removed', // SCARD_W_RESET_CARD
  0x8010000f: 'protocol_mismatch', // SCARD_E_PROTO_MISMATCH
  0x80100066: 'card_unresponsive', // SCARD_W_UNRESPONSIVE_CARD
  0x80100067: 'card_unresponsive', // SCARD_W_UNPOWERED_CARD
};

export class PcscError extends Error {
  readonly reason: string;
  constructor(
    readonly code: PcscErrorCode,
    detail: string,
  ) {
    super(`PC/SC ${code}: ${detail}`);
    this.name = 'PcscError';
    this.reason = PCSC_REASONS[code];
  }
}

export function pcscErrorFrom(error: unknown): PcscError {
  if (error instanceof PcscError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const hex = /\(0x([0-9a-f]{8})\)/i.exec(message)?.[1];
  return new PcscError(hex ? (CODES[parseInt(hex, 16)] ?? 'failed') : 'failed', message);
}
