// A hall call as an announcement: the pack's clip sequence ("请 A零二三 号 到 5 号窗口办理", chime first), each clip a
// URL of the active pack so the board needs no network beyond the hall and no cloud speech.
import { callClips, callText, packFileUrl, type Manifest } from '../../../../content/schema/index.ts';
import type { Announcement } from './queue.ts';

/** How many times a call is read when the pack does not say. */
export const DEFAULT_CALL_REPEAT = 2;

export function callAnnouncement(
  call: { number: string; window: number },
  manifest: Pick<Manifest, 'packId' | 'version'>,
  repeat: number = DEFAULT_CALL_REPEAT,
): Announcement {
  return {
    clips: callClips(call.number, call.window).map((clip) => packFileUrl(manifest, clip)),
    repeat,
    text: callText(call.number, call.window),
  };
}
