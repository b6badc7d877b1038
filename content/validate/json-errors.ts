// Where a JSON text first goes wrong, with line and column and the mistake named in manager words (trailing commas,
// // comments, Chinese quotes and colons…). JSON.parse of Node 20 gives no position for most errors. Pure, browser-safe.

export interface JsonSyntaxProblem {
  line: number;
  column: number;
  problem: string;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

const describeChar = (c: string | undefined): string => {
  if (c === undefined) return '文件结尾';
  if (c === '“' || c === '”' || c === '‘' || c === '’') return `中文引号“${c}”（JSON 只认英文双引号 "）`;
  if (c === '：') return '中文冒号“：”（应为英文冒号 :）';
  if (c === '，') return '中文逗号“，”（应为英文逗号 ,）';
  if (c === "'") return "单引号 '（JSON 只认英文双引号 \"）";
  return `“${c}”`;
};

/** Scans `text` and reports the first syntax error, or null when it is valid JSON. */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /[ \t\r\n]/.test(text[i]!)) i++;
    if (text.startsWith('//', i) || text.startsWith('/*', i)) throw new Stop(i, 'JSON 不允许注释（// 或 /* */），请删除注释');
  };
  const expect = (what: string): never => {
    throw new Stop(i, `这里应为${what}，实际是${describeChar(text[i])}`);
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] === '\n') throw new Stop(i, '字符串没有结束（缺少右边的英文双引号 "）');
      i++;
    }
    if (i >= text.length) throw new Stop(i, '字符串没有结束（缺少右边的英文双引号 "）');
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (m) {
      i += m[0].length;
      return;
    }
    if (c !== undefined && /[０-９]/.test(c)) throw new Stop(i, '这里用了全角数字，请改为半角数字 0-9');
    expect('一个值（文字要用英文双引号括起来）');
  };
  const list = (close: string, item: () => void): void => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      ws();
      if (text[i] === ',') {
        const comma = i;
        i++;
        ws();
        if (text[i] === close) throw new Stop(comma, `最后一项后面多了一个逗号，请删除这个逗号`);
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      if (text[i] === '，') throw new Stop(i, '这里用了中文逗号“，”，请改为英文逗号 ,');
      expect(`英文逗号 , 或 ${close}（可能缺少逗号）`);
    }
  };
  const object = (): void =>
    list('}', () => {
      ws();
      if (text[i] !== '"') expect('用英文双引号括起来的字段名');
      string();
      ws();
      if (text[i] === '：') throw new Stop(i, '这里用了中文冒号“：”，请改为英文冒号 :');
      if (text[i] !== ':') expect('英文冒号 :');
      i++;
      value();
    });
  const array = (): void => list(']', value);
  try {
    value();
    ws();
    if (i < text.length) throw new Stop(i, `内容在这里应已结束，后面多出了${describeChar(text[i])}`);
    return null;
  } catch (e) {
    // Nesting deeper than the stack: no position to give, the caller's general message stands.
    if (e instanceof RangeError) return null;
    if (!(e instanceof Stop)) throw e;
    const before = text.slice(0, e.at).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1, problem: e.problem };
  }
}
