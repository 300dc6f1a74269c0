import type { ConnectServer, CreateServerOptions } from '../server.ts';

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
