// The hall-server's one logger, injected (HallOptions.log, HallApp.log): levels, the component on every line, one
// JSON object a line when stderr is not a terminal (for the journal and log shippers), plain text when it is.
// English, and never personal data: no names, ID numbers or phones in a message.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ORDER: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  /** The same logger, naming another component on its lines. */
  child(component: string): Logger;
}

export interface LogEntry {
  at: Date;
  level: LogLevel;
  component: string;
  message: string;
}

/** One line (without its newline): JSON for machines, `time LEVEL [component] message` for a person. */
export function formatLogLine(entry: LogEntry, json: boolean): string {
  if (json) return JSON.stringify({ time: entry.at.toISOString(), level: entry.level, component: entry.component, msg: entry.message });
  return `${entry.at.toISOString()} ${entry.level.toUpperCase()} [${entry.component}] ${entry.message}`;
}

/** An error's stack (or name and message); nothing of what else it may carry. */
function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

export interface LoggerOptions {
  minimum?: LogLevel;
  /** Default: JSON unless stderr is a terminal. */
  json?: boolean;
  /** Default: standard error. */
  write?: (line: string) => void;
  now?: () => Date;
}

export function createLogger(component: string, options: LoggerOptions = {}): Logger {
  const minimum = ORDER.indexOf(options.minimum ?? 'info');
  const json = options.json ?? !process.stderr.isTTY;
  const write = options.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const emit = (level: LogLevel, message: string) => {
    if (ORDER.indexOf(level) < minimum) return;
    write(formatLogLine({ at: now(), level, component, message }, json));
  };
  return {
    debug: (message) => emit('debug', message),
    info: (message) => emit('info', message),
    warn: (message) => emit('warn', message),
    error: (message, error) => emit('error', error === undefined ? message : `${message}: ${describeError(error)}`),
    child: (name) => createLogger(name, options),
  };
}

/** For tests that want no output. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
