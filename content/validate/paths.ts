// Which file names a pack may contain, and the size limits that keep a bad upload from hurting the hall. Browser-safe.
import { MANIFEST_FILE, OPTIONAL_PACK_JSON_FILES, PACK_JSON_FILES, SIGNATURE_FILE } from '../schema/index.ts';

export interface PackLimits {
  /** Largest single file. */
  maxFileBytes: number;
  /** Largest JSON file. */
  maxJsonBytes: number;
  /** All files together, uncompressed. */
  maxTotalBytes: number;
  maxFiles: number;
  /** Largest uncompressed:compressed ratio of a zip entry bigger than `ratioFloorBytes` (zip bombs). */
  maxRatio: number;
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_LIMITS: PackLimits = {
  maxFileBytes: 32 * MiB,
  maxJsonBytes: 8 * MiB,
  maxTotalBytes: 256 * MiB,
  maxFiles: 2000,
  maxRatio: 100,
  ratioFloorBytes: 1 * MiB,
};

const allowedExtensions: Record<string, readonly string[]> = {
  'voice/': ['.wav', '.mp3', '.ogg'],
  'staff/': ['.png', '.jpg', '.jpeg', '.webp'],
  'media/': ['.png', '.jpg', '.jpeg', '.webp', '.mp4', '.webm', '.wav', '.mp3', '.ogg'],
};

export const ROOT_FILES: readonly string[] = [MANIFEST_FILE, SIGNATURE_FILE, ...PACK_JSON_FILES, ...OPTIONAL_PACK_JSON_FILES];

/** Why a name cannot be in a pack (in Chinese), or null when it may. Called before anything is written or read. */
export function pathProblem(name: string): string | null {
  if (name.length === 0) return '文件名为空';
  if (name.length > 200) return '文件名过长';
  if (name.includes('\\')) return '路径中含有反斜杠“\\”，不允许';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return '使用了绝对路径，不允许';
  if (name.split('/').some((seg) => seg === '..')) return '路径中含有“..”，可能写到内容包以外，不允许';
  if (name.includes('\0') || /[\u0000-\u001f]/.test(name)) return '文件名含有控制字符，不允许';
  if (name.split('/').some((seg) => seg === '.' || seg === '')) return '路径格式不正确';
  if (!/^[A-Za-z0-9._\-/]+$/.test(name)) return '文件名只能使用字母、数字和 . _ - /';
  if (ROOT_FILES.includes(name)) return null;
  const dir = Object.keys(allowedExtensions).find((d) => name.startsWith(d));
  if (!dir) return '不是内容包认识的文件（只允许 manifest.json、各配置文件以及 voice/、staff/、media/ 目录）';
  if (name.slice(dir.length).includes('/')) return `${dir} 下不允许再建子目录`;
  const ext = name.slice(name.lastIndexOf('.')).toLowerCase();
  if (!allowedExtensions[dir]!.includes(ext)) return `不支持的文件类型“${ext}”（${dir} 只允许 ${allowedExtensions[dir]!.join(' ')}）`;
  return null;
}

/** Directory entries a zip or folder may contain. */
export function isPackDir(name: string): boolean {
  return Object.keys(allowedExtensions).includes(name.endsWith('/') ? name : `${name}/`);
}
