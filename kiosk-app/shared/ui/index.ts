// The UI kit shared by every screen (kiosk, board, pad, counter, admin).
import './tokens.css';

export { BigButton, type BigButtonProps } from './BigButton.tsx';
export { HelpButton, helpState } from './HelpButton.tsx';
export { IdleOverlay } from './IdleOverlay.tsx';
export { Icon, type IconName } from './icons.tsx';
export { idlePhase, idlePolicyFor, NORMAL_IDLE, SENIOR_IDLE, type IdlePhase, type IdlePolicy } from './idle.ts';
export { AnnouncementQueue, type Announcement, type ClipPlayer } from './voice/queue.ts';
export { createClipPlayer, CLIP_EVENT, type ClipResolver } from './voice/player.ts';
export { callAnnouncement, DEFAULT_CALL_REPEAT } from './voice/call.ts';
export { watchIdle, type IdleWatch } from './idleWatch.ts';
export { installKioskHardening } from './hardening.ts';
export { choicesPerScreen, initDisplayMode, resetSeniorMode, seniorForced, seniorMode, toggleSeniorMode } from './mode.ts';
export { SeniorSwitch } from './SeniorSwitch.tsx';
export { AlertBanner, type AlertBannerProps } from './AlertBanner.tsx';
