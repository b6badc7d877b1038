// DB21/T 4402 §7.4 service language, as rules over the texts the terminals and a content pack show (pure).
// §7.4.3 and §9.2.7 name the forbidden phrases (服务忌语); §7.4.2 the polite forms (文明礼貌用语): the citizen is
// addressed as 您, never 你, and an instruction to the citizen asks with 请.

/** §7.4.3 服务忌语 and the excuses §9.2.7 forbids a first-contact officer, as the standard lists them. */
export const FORBIDDEN_PHRASES = ['不知道', '不清楚', '不归我管', '我很忙', '我还有事', '你去别的地方问'] as const;

/** Verbs that open an instruction to the citizen ("刷身份证", "选择事项"): such a sentence must ask with 请. */
const INSTRUCTION_OPENERS = ['刷', '插入', '放置', '出示', '输入', '选择', '点击', '点按', '扫描', '携带', '带上', '前往', '稍候', '稍等', '核对', '保管', '填写', '按'];

export interface LanguageProblem {
  text: string;
  rule: '§7.4.3' | '§7.4.2';
  problem: string;
}

/**
 * Problems of one text. `audience`: 'citizen' for the citizen's screens (every rule), 'guide' for a pack's texts
 * (forbidden phrases and 您: a 办事指南's 办理流程 describes steps rather than asking), 'staff' for staff screens
 * (forbidden phrases only).
 */
export function languageProblems(text: string, audience: 'citizen' | 'guide' | 'staff'): LanguageProblem[] {
  const out: LanguageProblem[] = [];
  for (const phrase of FORBIDDEN_PHRASES) {
    if (text.includes(phrase)) out.push({ text, rule: '§7.4.3', problem: `服务忌语“${phrase}”` });
  }
  if (audience === 'staff') return out;
  if (/你/.test(text)) out.push({ text, rule: '§7.4.2', problem: '称呼服务对象应用“您”' });
  if (/稍等|稍候/.test(text) && !/请您稍[等候]/.test(text)) out.push({ text, rule: '§7.4.2', problem: '请服务对象等候应说“请您稍等”' });
  if (audience === 'guide') return out;
  for (const sentence of text.split(/[。！？；\n]/)) {
    const s = sentence.trim();
    if (INSTRUCTION_OPENERS.some((verb) => s.startsWith(verb)) && !s.includes('请') && [...s].length >= 6) {
      out.push({ text, rule: '§7.4.2', problem: `对服务对象的要求应以“请”相求：“${s}”` });
    }
  }
  return out;
}

/** Whether a text is Chinese the user sees (at least one CJK character). */
export function isChineseText(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}
