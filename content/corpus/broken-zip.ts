// Corpus cases of issue 12 §3 about how a pack is zipped: the common mistakes of each operating system, by name.
import { rawZip } from './raw-zip.ts';
import { enc, sampleFiles, sealed, type BrokenPack } from './helpers.ts';

const sealedEntries = () => [...sealed(sampleFiles())].map(([name, data]) => ({ name, data, deflate: true }));

export const zipCases: BrokenPack[] = [
  {
    id: 'powershell-backslash-paths',
    rule: 'zip.backslash',
    message: '压缩包中有 76 个路径用了反斜杠“\\”（例如“staff\\20101.png”），这是 Windows PowerShell 的 Compress-Archive 打的包，别的系统无法正确解开。请用 pack build 打包，或用 7-Zip 重新压缩',
    zip: () => rawZip(sealedEntries().map((e) => ({ ...e, name: e.name.replaceAll('/', '\\') }))),
  },
  {
    id: 'zip-of-the-parent-folder',
    rule: 'zip.parent-folder',
    message: '压缩包里的内容包在文件夹“packs/sample/”中，旁边还有“packs/readme.txt”等其他文件：像是把内容包的上一级文件夹整个压缩了。请打开内容包文件夹，选中其中的全部文件后再压缩（或用 pack build 打包）',
    zip: () => rawZip([...sealedEntries().map((e) => ({ ...e, name: `packs/sample/${e.name}` })), { name: 'packs/readme.txt', data: enc.encode('说明') }]),
  },
];

/** A Finder zip: the pack inside its folder, with __MACOSX resource forks and .DS_Store beside it. Accepted, with a warning. */
export function finderZip(): Uint8Array {
  const entries = sealedEntries();
  const junk = entries.map((e) => ({ name: `__MACOSX/sample/._${e.name.split('/').pop()}`, data: enc.encode('\u0000\u0005\u0016\u0007 resource fork') }));
  return rawZip([...entries.map((e) => ({ ...e, name: `sample/${e.name}` })), { name: 'sample/.DS_Store', data: enc.encode('Bud1') }, ...junk]);
}
