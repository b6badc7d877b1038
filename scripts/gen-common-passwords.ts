// Writes server-shared/accounts/common-passwords.txt: passwords people pick often, built from patterns (digit runs and
// lucky numbers, keyboard walks, pinyin words and surnames with the usual endings, English favourites, years). The
// password policy refuses any password on it. Run `npx tsx scripts/gen-common-passwords.ts` after changing a list.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const OUT = resolve(import.meta.dirname, '../server-shared/accounts/common-passwords.txt');
/** Shorter entries cannot pass the length rule anyway. */
const MIN_LENGTH = 8;

const DIGIT_RUNS = [
  '12345678', '123456789', '1234567890', '0123456789', '01234567', '87654321', '987654321', '9876543210', '0987654321',
  '12341234', '123123123', '1231231234', '11223344', '1122334455', '112233445566', '12344321', '1234554321', '12348765',
  '147258369', '1472583690', '159753159', '159357159', '147852369', '741852963', '789456123', '123654789', '963852741',
  '5201314', '52013140', '5201314520', '1314520', '13145201314', '520520520', '521521521', '5211314', '20100520',
  '88888888', '888888888', '8888888888', '66666666', '666666666', '6666666666', '168168168', '16881688', '518518518',
  '12121212', '1212121212', '13131313', '7758521', '77585210', '3344520', '2582580', '456456456', '789789789',
  '110110110', '119119119', '120120120', '1234qwer', '12345qwert', '123456abc', '123456aa', '123456qq',
];

const KEYBOARD = [
  'qwertyui', 'qwertyuiop', 'asdfghjk', 'asdfghjkl', 'zxcvbnm', 'zxcvbnm123', 'qazwsxedc', 'qazwsxedcrfv', '1qaz2wsx',
  '1qaz2wsx3edc', '1qaz@wsx', '1qaz!qaz', '!qaz@wsx', '!qaz2wsx', 'zaq12wsx', 'zaq1xsw2', 'xsw2zaq1', '2wsx3edc',
  '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4', 'q1w2e3r4t5', 'qwer1234', 'qwert12345', 'asdf1234', 'zxcv1234',
  'qweasdzxc', 'qweasd123', 'asdzxc123', 'qwe123qwe', 'abc123abc', 'qwerasdf', 'asdfqwer', 'asdfjkl;', 'poiuytrewq',
  'lkjhgfdsa', 'mnbvcxz', '!@#$%^&*', '!@#$%^&*()', '1234!@#$', 'qwer!@#$', 'p@ssw0rd', 'p@ssword', 'passw0rd',
];

const PINYIN_WORDS = [
  'woaini', 'woaiwojia', 'woaini1314', 'aini', 'aiwo', 'nihao', 'nihaoma', 'laopo', 'laogong', 'baobei', 'baobao',
  'xiaobao', 'xiaobai', 'xiaohei', 'xiaoming', 'xiaohong', 'xiaoyu', 'xiaolong', 'xiaofeng', 'xiaoqiang', 'xiaojie',
  'zhangwei', 'wangwei', 'liwei', 'liuyang', 'zhangjie', 'lijing', 'wangfang', 'liuwei', 'wangjing', 'zhangmin',
  'lina', 'zhangli', 'wangli', 'wanglei', 'liqiang', 'zhangyong', 'liyan', 'chenjie', 'wangyan', 'zhaojing',
  'zhongguo', 'zhonghua', 'beijing', 'shanghai', 'guangzhou', 'shenzhen', 'shenyang', 'dalian', 'tianjin', 'chongqing',
  'yibao', 'yiliao', 'yibaoju', 'yibaoting', 'yibaodating', 'shebao', 'shebaoka', 'jingban', 'dating', 'fuwu',
  'mima', 'mimamima', 'guanli', 'guanliyuan', 'guanlimima', 'denglu', 'zhanghao', 'ceshi', 'ceshi123', 'kaifa',
  'xingfu', 'kuaile', 'pingan', 'jiankang', 'shunli', 'fafa', 'facai', 'dafa', 'wanshiruyi', 'yiluping', 'yilufa',
  'tiantian', 'haohao', 'jiayou', 'fendou', 'mengxiang', 'qingchun', 'aiqing', 'tianshi', 'longlong', 'feifei',
  'huahua', 'xixi', 'haha', 'hehe', 'lele', 'doudou', 'niuniu', 'maomao', 'gougou', 'zhuzhu', 'xiaozhu', 'dabao',
  'yangyang', 'jingjing', 'lili', 'tingting', 'wenwen', 'dandan', 'yueyue', 'mingming', 'qiangqiang', 'pengpeng',
];

const SURNAMES = [
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo',
  'he', 'gao', 'lin', 'luo', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng',
  'xiao', 'tian', 'dong', 'pan', 'yuan', 'cai', 'jiang', 'yu', 'du', 'ye', 'cheng', 'wei', 'su', 'lv', 'ding', 'ren',
  'shen', 'yao', 'lu', 'cui', 'zhong', 'tan', 'fan', 'jin', 'shi', 'liao', 'jia', 'xia', 'fu', 'fang', 'bai', 'zou',
  'meng', 'xiong', 'qin', 'qiu', 'yin', 'xue', 'yan', 'duan', 'lei', 'hou', 'long', 'shao', 'wan', 'gu', 'kong',
];

const ENGLISH = [
  'password', 'passwords', 'password1', 'iloveyou', 'iloveyou1', 'admin', 'administrator', 'admin123', 'root',
  'welcome', 'letmein', 'sunshine', 'princess', 'football', 'baseball', 'dragon', 'monkey', 'master', 'superman',
  'batman', 'shadow', 'michael', 'jennifer', 'computer', 'internet', 'trustno1', 'whatever', 'starwars', 'hello',
  'helloworld', 'abcdefg', 'abcdefgh', 'abcd1234', 'aaaaaaaa', 'changeme', 'default', 'secret', 'system', 'manager',
  'qwerty', 'test', 'testtest', 'guest', 'user', 'login', 'china', 'love', 'lovely', 'forever', 'angel', 'happy',
];

const ENDINGS = [
  '', '1', '12', '123', '1234', '12345', '123456', '123456789', '520', '1314', '5201314', '666', '888', '8888', '168',
  '007', '001', '01', '11', '99', '000', '111', '!', '!@#', '@123', '.123', '_123', '123!', '2020', '2021', '2022',
  '2023', '2024', '2025', '2026', '1990', '1985', '1988', 'abc', 'qq', '@qq', '@163',
];

const YEAR_PREFIXES = ['', 'a', 'qq', 'mima', 'admin', 'yibao', 'woaini'];

function build(): string[] {
  const words = new Set<string>();
  const add = (w: string) => {
    if ([...w].length >= MIN_LENGTH) words.add(w.toLowerCase());
  };
  for (const w of [...DIGIT_RUNS, ...KEYBOARD]) add(w);
  for (const base of [...PINYIN_WORDS, ...ENGLISH]) for (const end of ENDINGS) add(base + end);
  for (const surname of SURNAMES) {
    for (const end of ['123456', '12345678', '123456789', '520', '1314', '5201314', '888888', '666666', '@123456']) add(surname + end);
    add(surname + surname + '123');
  }
  for (const prefix of YEAR_PREFIXES) for (let year = 1950; year <= 2030; year++) add(`${prefix}${year}${prefix === '' ? '0101' : ''}`);
  for (let year = 1960; year <= 2010; year++) {
    add(`${year}1234`);
    add(`${year}${year}`);
    add(`${year}0520`);
  }
  for (let d = 0; d <= 9; d++) for (let n = MIN_LENGTH; n <= 12; n++) add(String(d).repeat(n));
  return [...words].sort();
}

const list = build();
writeFileSync(OUT, list.join('\n') + '\n');
console.log(`${list.length} passwords written to ${OUT}`);
