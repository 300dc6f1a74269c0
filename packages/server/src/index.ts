/**
 * `@connect-auth/server`: the reference server of the Connect Auth contract. A web-standard app
 * (`createApp`), a Node adapter (`serve`), the whole wiring (`createServer`), configuration
 * (`loadConfig`, `resolveConfig`) and the store adapters.
 *
 * @example
 * ```ts
 * import { createServer } from '@connect-auth/server';
 * const server = await createServer({ dev: true, port: 8787 });
 * console.log(await server.listen());
 * ```
 *
 * @packageDocumentation
 */
export { type App, type AppDeps, createApp } from './app/app.ts';
export { createPasswordHasher, type PasswordHasher } from './auth/password.ts';
export { type ImportSummary, importLegacyAccounts } from './cli/import-legacy.ts';
export { main as runCli } from './cli/main.ts';
export {
  ConfigError,
  type ConfigIssue,
  type PolicyName,
  resolveConfig,
  type ServerConfig,
} from './config.ts';
export { loadConfig, SETTINGS } from './config-env.ts';
export { createSealer, MIN_SECRET_BYTES, SealError, type Sealer } from './crypto/seal.ts';
export { type FetchApp, type RunningServer, serve } from './http/node.ts';
export { createLogger, type Logger, type LogLine, memoryLogger, silentLogger } from './log.ts';
export { type ConnectServer, type CreateServerOptions, createServer } from './server.ts';
export { APP_PATHS } from './services/deps.ts';
export { isServiceError, ServiceError, type ServiceErrorExtras } from './services/errors.ts';
export { DEFAULT_LIMITS, type LimitSettings } from './services/limits.ts';
export {
  isStoreError,
  openPostgresStore,
  openSqliteStore,
  openStore,
  StoreError,
} from './store/index.ts';
export type { Store } from './store/types.ts';
