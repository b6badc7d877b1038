// Which ways to show identity the identify screen offers: only what works now. Pure.
import type { DeviceInfo } from '../../../protocol/bridge/messages.ts';

/** `ready`: offered; `offline`: its reader is out of order (the screen says so); `absent`: not offered at all. */
export type MethodState = 'ready' | 'offline' | 'absent';

export interface IdMethods {
  idcard: MethodState;
  sscard: MethodState;
  ecard: MethodState;
}

function stateOf(devices: readonly DeviceInfo[], id: DeviceInfo['id']): MethodState {
  // A device the bridge has not reported is not called broken: only a reported 'offline' is.
  return devices.find((d) => d.id === id)?.health.state === 'offline' ? 'offline' : 'ready';
}

/**
 * 医保码 needs both the hall's decode service and the scanner: without a decode service it is not offered at all (a
 * scan would fail), with the scanner offline it is shown as unavailable like a card reader.
 */
export function idMethods(devices: readonly DeviceInfo[], ecardDecode: boolean): IdMethods {
  return {
    idcard: stateOf(devices, 'idcard'),
    sscard: stateOf(devices, 'sscard'),
    ecard: ecardDecode ? stateOf(devices, 'scanner') : 'absent',
  };
}

/** True when no way of showing identity works now (every reader offline, no 医保码). */
export function noMethodWorks(m: IdMethods): boolean {
  return m.idcard !== 'ready' && m.sscard !== 'ready' && m.ecard !== 'ready';
}
