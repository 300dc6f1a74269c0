/**
 * Structured JSON logs: one line per event, `{ time, level, event, ...fields }`.
 *
 * The logger never sees raw secrets because callers never pass them; as a second line of defence
 * it drops fields whose name says "secret" (`password`, `token`, `code`, `secret`, `cookie`,
 * `authorization`) — their value becomes `"[redacted]"`.
 */

/** Severity of a log line. */
export type LogLevel = 'info' | 'warn' | 'error';

/** The logger every server part receives. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** One structured log line as written. */
export interface LogLine {
  time: string;
  level: LogLevel;
  event: string;
  [field: string]: unknown;
}

/**
 * An error as log fields: its class and message (`unknown` and the value as text for anything
 * thrown that is not an `Error`), and with `stack: true` its stack.
 *
 * @internal
 */
export function errorFields(
  error: unknown,
  options: { stack?: boolean } = {},
): { name: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { name: 'unknown', message: String(error) };
  const fields = { name: error.name, message: error.message };
  return options.stack ? { ...fields, stack: error.stack ?? '' } : fields;
}

const SECRET_FIELD = /password|token|^code$|secret|cookie|authorization/i;

function clean(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!fields) return out;
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'time' || key === 'level' || key === 'event') continue;
    if (SECRET_FIELD.test(key) && !key.endsWith('Id') && typeof value !== 'boolean') {
      out[key] = '[redacted]';
    } else if (value instanceof Error) {
      out[key] = errorFields(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * Create a logger writing JSON lines.
 *
 * @param options.write where each line goes (default: `process.stdout` for info, `process.stderr` for warn/error)
 * @param options.clock time source (default `Date.now`)
 * @example
 * ```ts
 * const log = createLogger();
 * log.info('reset_requested', { accountId: 'acc_1', ip: '203.0.113.9' });
 * // {"time":"…","level":"info","event":"reset_requested","accountId":"acc_1","ip":"203.0.113.9"}
 * ```
 */
export function createLogger(
  options: { write?: (line: string, level: LogLevel) => void; clock?: () => number } = {},
): Logger {
  const write =
    options.write ??
    ((line: string, level: LogLevel) => {
      (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
    });
  const clock = options.clock ?? Date.now;
  const emit = (level: LogLevel, event: string, fields?: Record<string, unknown>) => {
    const line: LogLine = { time: new Date(clock()).toISOString(), level, event, ...clean(fields) };
    let text: string;
    try {
      text = JSON.stringify(line);
    } catch {
      text = JSON.stringify({ time: line.time, level, event, note: 'fields not serialisable' });
    }
    write(text, level);
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/**
 * A logger that keeps lines in memory: for tests, and for the "nothing secret is logged" check.
 *
 * @example
 * ```ts
 * const log = memoryLogger();
 * log.info('x', { accountId: 'a' });
 * log.lines[0]?.event; // 'x'
 * ```
 */
export function memoryLogger(): Logger & { lines: LogLine[]; text(): string } {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const logger = createLogger({
    write: (line) => {
      raw.push(line);
      lines.push(JSON.parse(line) as LogLine);
    },
  });
  return Object.assign(logger, { lines, text: () => raw.join('\n') });
}

/**
 * A logger that discards everything.
 *
 * @example
 * ```ts
 * createApp({ ...deps, logger: silentLogger });
 * ```
 */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
