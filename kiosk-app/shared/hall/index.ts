// Page-side client of the hall-server.
export { api, call, HallApiError, newIdempotencyKey, setHallBaseUrl, hallBaseUrl } from './api.ts';
export { session, saveSession, useSessionScope, type Session, type Principal } from './session.ts';
export { pairWithCode, ensurePaired, scopeOf, type TerminalWanted } from './pairing.ts';
export { subscribe, type HallStream, type ConnectionState, type SubscribeOptions } from './socket.ts';
export { applyEvent } from './reduce.ts';
export { ConnectionBanner, DemoPairingNote, linkStatusText, type BannerPlacement, type BannerSize, type ConnectionBannerProps } from './ConnectionBanner.tsx';
