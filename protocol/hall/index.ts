// The hall API shared by the hall-server and the page: one schema per request, response and event.
export * from './common.ts';
export * from './queue.ts';
export * from './terminals.ts';
export * from './accounts.ts';
export * from './events.ts';
export * from './core.ts';
