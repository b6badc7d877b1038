// SW3 status codes of the SAM module, each a typed error with a message a hall manager understands.

export const SAM_SW3_FOUND = 0x9f;
export const SAM_SW3_OK = 0x90;

export const SAM_SW3_ERRORS = {
  0x10: { code: 'checksum_error', reason: '读卡器收到的数据校验错误' },
  0x11: { code: 'length_error', reason: '读卡器收到的数据长度错误' },
  0x21: { code: 'command_error', reason: '读卡器不支持该命令' },
  0x23: { code: 'unauthorised', reason: '读卡器操作未授权' },
  0x24: { code: 'unrecognised', reason: '读卡器无法识别该命令' },
  0x31: { code: 'card_auth_sam_failed', reason: '证件认证安全模块失败，请重新放置证件' },
  0x32: { code: 'sam_auth_card_failed', reason: '安全模块认证证件失败，请重新放置证件' },
  0x33: { code: 'verification_error', reason: '证件信息验证错误，请重新放置证件' },
  0x40: { code: 'unknown_card_type', reason: '无法识别的证件类型' },
  0x41: { code: 'read_failed', reason: '读证件失败，请重新放置证件' },
  0x47: { code: 'random_failed', reason: '取随机数失败，请重新放置证件' },
  0x60: { code: 'sam_self_test_failed', reason: '读卡器安全模块自检失败，请联系工作人员' },
  0x66: { code: 'sam_unauthorised', reason: '读卡器安全模块未授权，请联系工作人员' },
  0x80: { code: 'no_card', reason: '未找到证件' },
  0x81: { code: 'select_failed', reason: '选取证件失败，请重新放置证件' },
  0x91: { code: 'no_content', reason: '证件无此项内容' },
} as const satisfies Record<number, { code: string; reason: string }>;

export type SamStatusCode = (typeof SAM_SW3_ERRORS)[keyof typeof SAM_SW3_ERRORS]['code'] | 'unknown_status';

export class SamStatusError extends Error {
  readonly code: SamStatusCode;
  readonly reason: string;
  constructor(readonly sw3: number) {
    const known = (SAM_SW3_ERRORS as Record<number, { code: SamStatusCode; reason: string } | undefined>)[sw3];
    super(`SAM status 0x${sw3.toString(16).padStart(2, '0')} (${known?.code ?? 'unknown_status'})`);
    this.name = 'SamStatusError';
    this.code = known?.code ?? 'unknown_status';
    this.reason = known?.reason ?? `读卡器返回未知状态（${sw3.toString(16).toUpperCase()}）`;
  }
}

/** Throws SamStatusError unless `sw3` is the success code expected for the command. */
export function expectSw3(sw3: number, success: number = SAM_SW3_OK): void {
  if (sw3 !== success) throw new SamStatusError(sw3);
}
