/**
 * Wiring: configuration → store → secret → keys → services → app → outbox worker. One call gives a
 * complete server that tests run in-process and the CLI runs on a port.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PasswordPolicy } from '@connect-auth/core/contract';
import {
  type CommonPasswords,
  getPolicyPreset,
  loadCommonPasswords,
} from '@connect-auth/core/policy';
import { type App, createApp } from './app/app.ts';
import { createAccessTokens } from './auth/access-tokens.ts';
import { serverCommonPasswords } from './auth/blocklist.ts';
import { loadSigningKeys, type SigningKeys } from './auth/keys.ts';
import { createPasswordHasher, type PasswordHasher } from './auth/password.ts';
import { createSecretHasher } from './auth/secrets.ts';
import { isLoopbackHost, resolveConfig, type ServerConfig } from './config.ts';
import { createSealer } from './crypto/seal.ts';
import { type RunningServer, serve } from './http/node.ts';
import { createLogger, type Logger } from './log.ts';
import { devInboxHandler } from './mail/dev-inbox.ts';
import { devTransport, type MailTransport, smtpTransport } from './mail/transports.ts';
import { type OutboxWorker, startOutboxWorker } from './mail/worker.ts';
import { createBackground } from './services/background.ts';
import type { ServiceDeps } from './services/deps.ts';
import { createLimits, type LimitSettings } from './services/limits.ts';
import { authenticate } from './services/sessions.ts';
import { openStore } from './store/index.ts';
import type { AccountRecord, Store } from './store/types.ts';

/** Options of {@link createServer}: any configuration value plus injectable parts. */
export interface CreateServerOptions extends Partial<ServerConfig> {
  /** Use this store instead of opening one from the configuration (closed by `close()`). */
  store?: Store;
  /** Time source for every decision (token expiry, rate limits, JWTs). Default: wall clock. */
  clock?: () => Date;
  logger?: Logger;
  /** Mail transport; default: SMTP from `smtpUrl`, or the dev transport in dev mode. */
  transport?: MailTransport;
  /** Override rate-limit figures (tests, benchmarks). */
  limits?: Partial<LimitSettings>;
  /** Password hasher (default: argon2id, `hashThreads` low-priority threads, one per core unless set). */
  hasher?: PasswordHasher;
  /** Outbox worker poll interval in ms (default 5000; nudged after each enqueue anyway). */
  mailPollMs?: number;
}

/** A wired server. */
export interface ConnectServer {
  readonly app: App;
  readonly config: ServerConfig;
  readonly store: Store;
  readonly worker: OutboxWorker;
  readonly keys: SigningKeys;
  readonly sealer: ReturnType<typeof createSealer>;
  /**
   * Check a bearer access token for your own resources: signature and claims (RFC 8725), and that
   * the account is active with the token's credential version (a reset ends earlier sessions).
   * Rejects with a `ServiceError` of code `session_invalid` (check it with `isServiceError`,
   * both exported by this package).
   *
   * @example
   * ```ts
   * try {
   *   const account = await server.authenticate(bearerToken);
   * } catch (error) {
   *   if (isServiceError(error, 'session_invalid')) return new Response(null, { status: 401 });
   *   throw error;
   * }
   * ```
   */
  authenticate(accessToken: string): Promise<AccountRecord>;
  /** Base URL once listening (`http://127.0.0.1:54321`). */
  readonly url: string | undefined;
  /** Listen on the configured host and port: binds once (concurrent calls share it); rejects after `close()`. */
  listen(): Promise<string>;
  /** Wait for work done after responses (background tasks) and for the outbox to be delivered. */
  settled(): Promise<void>;
  /** Graceful shutdown: stop accepting, finish in-flight requests and background work, stop the worker, close the store. */
  close(): Promise<void>;
}

/** How often expired rows are pruned, and how long expired tokens and sent mail are kept. */
const PRUNE_EVERY_MS = 60 * 60_000;
const PRUNE_RETAIN_MS = 7 * 24 * 60 * 60_000;

/**
 * The development secret kept in `<dataDir>/secret` (created on first use), shared by `serve
 * --dev` and the CLI's mail commands.
 *
 * @internal
 */
export async function devSecret(dataDir: string, logger: Logger): Promise<string> {
  const file = join(dataDir, 'secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not there yet.
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  logger.warn('dev_secret_generated', { file });
  return secret;
}

/**
 * Create a server from configuration (validated; throws `ConfigError`).
 *
 * @example
 * ```ts
 * const server = await createServer({ dev: true, port: 0, secret: 'x'.repeat(32) });
 * const url = await server.listen();
 * const client = createConnectClient({ baseUrl: url });
 * await server.close();
 * ```
 */
export async function createServer(options: CreateServerOptions = {}): Promise<ConnectServer> {
  const {
    store: givenStore,
    clock = () => new Date(),
    transport: givenTransport,
    hasher: givenHasher,
  } = options;
  const config = resolveConfig(options);
  const logger = options.logger ?? createLogger();
  if (config.dev && !isLoopbackHost(config.hostname)) {
    logger.warn('dev_public_host', { hostname: config.hostname });
  }
  const store =
    givenStore ??
    (await openStore({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      statementTimeoutMs: config.databaseStatementTimeoutSeconds * 1000,
      walCheckpoint: config.sqliteWalCheckpoint,
      logger,
    }));
  try {
    const secret =
      config.secret ??
      (givenStore
        ? randomBytes(32).toString('base64url')
        : await devSecret(config.dataDir, logger));
    const sealer = createSealer(secret);
    const keys = await loadSigningKeys({ store, sealer, now: clock() });
    const policy = getPolicyPreset(config.policy) as PasswordPolicy;
    // The browser's list plus ~380k more entries, built when a password is first checked — not at
    // startup, which an idle server or a CLI command would pay for in ~25 MB and 0.2–0.4 s of CPU —
    // in slices that leave the event loop free.
    const browserList = await loadCommonPasswords();
    let serverList: Promise<CommonPasswords> | undefined;
    const blocklist = () => (serverList ??= serverCommonPasswords(browserList, logger));
    const transport =
      givenTransport ?? (config.dev ? devTransport() : smtpTransport(config.smtpUrl as string));
    const worker = startOutboxWorker({
      store,
      transport,
      sealer,
      from: config.mailFrom,
      productName: config.productName,
      supportUrl: config.supportUrl,
      logger,
      scrubAfterSend: !config.dev,
      clock,
      pollMs: options.mailPollMs,
    });
    let running: RunningServer | undefined;
    let listening: Promise<RunningServer> | undefined;
    const publicUrl = () =>
      config.publicUrl ?? running?.url ?? `http://${config.hostname}:${config.port}`;
    const appUrl = () => config.appUrl ?? publicUrl();
    const background = createBackground(logger);
    const hasher =
      givenHasher ??
      createPasswordHasher(config.hashThreads ? { concurrency: config.hashThreads } : {});
    // Made now, not by the first sign-in for an unknown email, which would otherwise hash twice
    // and take twice as long as a sign-in for an existing one (SECURITY 3).
    await hasher.dummyHash();
    const deps: ServiceDeps = {
      store,
      sealer,
      secrets: createSecretHasher(secret),
      hasher,
      accessTokens: createAccessTokens({
        keys,
        issuer: publicUrl,
        audience: () => config.tokenAudience ?? publicUrl(),
        clock,
      }),
      clock,
      logger,
      policy,
      blocklist,
      links: { appUrl },
      limits: createLimits(store, options.limits),
      background,
      onMailQueued: () => worker.nudge(),
      autoSignInAfterReset: config.autoSignInAfterReset,
      refreshReuseGraceMs: config.refreshReuseGraceSeconds * 1000,
    };
    const origins = new Set(config.allowedOrigins);
    for (const url of [config.publicUrl, config.appUrl]) if (url) origins.add(new URL(url).origin);
    const app = createApp({
      ...deps,
      jwks: () => keys.jwks,
      publicUrl,
      allowedOrigins: [...origins],
      hsts: publicUrl().startsWith('https:'),
      trustProxy: config.trustProxy,
      // Without an app URL, mailed links open this server's /reset: explain instead of a 404.
      appUrlHint: options.appUrl === undefined ? publicUrl : undefined,
      // The dev inbox (`/dev/mail`, `/dev/inbox`) exists only in dev mode.
      devHandler: config.dev
        ? devInboxHandler({
            store,
            sealer,
            productName: config.productName,
            supportUrl: config.supportUrl,
          })
        : undefined,
    });
    // Housekeeping: ended rate-limit windows, long-expired tokens and old sent mail (hourly).
    const prune = setInterval(() => {
      store
        .pruneExpired(clock(), PRUNE_RETAIN_MS)
        .catch((error: unknown) => logger.error('prune_failed', { error: String(error) }));
    }, PRUNE_EVERY_MS);
    prune.unref();
    let closed: Promise<void> | undefined;
    return {
      app,
      config,
      store,
      worker,
      keys,
      sealer,
      authenticate: (accessToken) => authenticate(deps, accessToken),
      get url() {
        return running?.url;
      },
      async listen() {
        if (closed) throw new Error('The server is closed.');
        // One bind, however many callers: concurrent calls share it (a second socket would leak,
        // unknown to close()); a failed bind (port taken) may be tried again.
        listening ??= serve(app, {
          port: config.port,
          hostname: config.hostname,
          onError: (error) => logger.error('http_error', { error: String(error) }),
        }).then(
          (bound) => {
            running = bound;
            return bound;
          },
          (error: unknown) => {
            listening = undefined;
            throw error;
          },
        );
        return (await listening).url;
      },
      async settled() {
        await background.settled();
        await worker.drain();
      },
      close() {
        closed ??= (async () => {
          clearInterval(prune);
          try {
            // Also a socket still being bound when close() was called.
            const bound = await listening?.catch(() => undefined);
            await bound?.close();
            await background.settled();
            await worker.stop();
            await transport.close?.();
          } finally {
            // Whatever failed above, the store (a pg pool would keep the process alive) closes.
            await store.close();
          }
        })();
        return closed;
      },
    };
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}
