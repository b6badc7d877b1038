// Bridge logs: English, one line each, never personal data (no names, no ID numbers).
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, message: string) => void;

export function consoleLogger(minimum: LogLevel = 'info'): Logger {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  return (level, message) => {
    if (order.indexOf(level) < order.indexOf(minimum)) return;
    process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} ${message}\n`);
  };
}

export const silentLogger: Logger = () => undefined;
