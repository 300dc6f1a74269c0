/**
 * What the CLI's commands share: the IO they run with, and the start of every store command —
 * parse its arguments (a usage error is exit 2 with the command's help, `--help` is exit 0), then
 * open the store its database options name.
 */
import { LOCALE_PATTERN, MAX_LOCALE_LENGTH } from '@connect-auth/core/contract';
import type { ConnectServer, CreateServerOptions } from '../server.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/types.ts';

/** Where the CLI writes and what it reads. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Called once `serve` is listening (tests use it to stop the server). */
  onListening?: (server: ConnectServer) => void;
  /** Resolves when `serve` should shut down (default: SIGINT or SIGTERM). */
  shutdownSignal?: Promise<unknown>;
  /** Extra options for createServer (tests: a dev handler, a logger). */
  serverOptions?: CreateServerOptions;
}

/** A language tag as typed (`fr`, `de_AT` → `de-AT`), or undefined when it is not one. */
export function languageTag(raw: string): string | undefined {
  const tag = raw.trim().replaceAll('_', '-');
  return tag.length <= MAX_LOCALE_LENGTH && LOCALE_PATTERN.test(tag) ? tag : undefined;
}

/** What the CLI says of a value that is not a language tag. */
export function notALanguageTag(raw: string): string {
  return `Not a language tag: ${JSON.stringify(raw.trim().slice(0, 40))} (for example fr, de, en-GB)`;
}

/**
 * Run `parse` (a `node:util` `parseArgs` call): the parsed arguments, or the exit code when the
 * command ends here — 2 after a usage error (its message and `help` on stderr), 0 after `--help`
 * (`help` on stdout).
 */
export function parseCommand<P extends { values: { help?: unknown } }>(
  io: CliIo,
  help: string,
  parse: () => P,
): P | number {
  let parsed: P;
  try {
    parsed = parse();
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${help}`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(help);
    return 0;
  }
  return parsed;
}

/** The database options every store command takes (`--database-url`, `--data-dir`). */
export interface StoreFlags {
  'database-url'?: string | boolean | undefined;
  'data-dir'?: string | boolean | undefined;
}

/**
 * Open the store the flags name, else `DATABASE_URL` / `DATA_DIR`, else the default SQLite
 * directory. A failure is an `Error` saying "Cannot open the database: …".
 */
export async function openCliStore(values: StoreFlags, io: CliIo): Promise<Store> {
  const flag = (name: keyof StoreFlags) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const databaseUrl = flag('database-url') ?? io.env.DATABASE_URL;
  const dataDir = flag('data-dir') ?? io.env.DATA_DIR; // else openStore's own default
  try {
    return await openStore({ databaseUrl: databaseUrl || undefined, dataDir });
  } catch (error) {
    throw new Error(`Cannot open the database: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Open the store, run `work` with it and close it: the command's exit code, or 1 with the reason
 * on stderr when the store cannot be opened.
 */
export async function withCliStore(
  values: StoreFlags,
  io: CliIo,
  work: (store: Store) => Promise<number>,
): Promise<number> {
  let store: Store;
  try {
    store = await openCliStore(values, io);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
