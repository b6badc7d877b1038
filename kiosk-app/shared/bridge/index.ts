export { createBridgeClient, BridgeRequestError } from './client.ts';
export type { BridgeClient, BridgeClientOptions, BridgeConnection, BridgeEventType } from './client.ts';
export { WedgeScanDetector, listenForWedgeScans } from './wedge.ts';
export type { WedgeOptions, WedgeKey } from './wedge.ts';
export { ticketToSvg } from '../../../protocol/bridge/ticket/svg.ts';
export * from '../../../protocol/bridge/messages.ts';
export { bridgeUrlFromLocation } from './url.ts';
