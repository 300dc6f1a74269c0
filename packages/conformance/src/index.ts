/**
 * `@connect-auth/conformance`: the Connect Auth contract's black-box suite, runnable against any
 * backend's base URL over HTTP and mail — as a library ({@link runConformance}) or as the
 * `connect-auth-conformance` command.
 *
 * @example
 * ```ts
 * import { formatSummary, runConformance } from '@connect-auth/conformance';
 * const report = await runConformance({ url: 'http://127.0.0.1:8787', devInbox: 'http://127.0.0.1:8787/dev/mail' });
 * console.log(formatSummary(report));
 * ```
 *
 * @packageDocumentation
 */
export type { CheckResult, CheckStatus } from './check.ts';
export { type CliIo, main } from './main.ts';
export { formatJunit, formatSummary, formatTap } from './report.ts';
export {
  type ConformanceOptions,
  type ConformanceReport,
  listChecks,
  runConformance,
} from './run.ts';
