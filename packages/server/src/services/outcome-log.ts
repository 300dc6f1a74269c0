/**
 * The two log lines every flow writes when it refuses: `throttle` when a limit stops it, and
 * `failure` (with the problem code as `reason`) when a token or input is refused. Written once so
 * that every flow logs them with the same fields in the same order (tests and dashboards read them).
 */
import type { Logger } from '../log.ts';
import { isServiceError } from './errors.ts';

/**
 * Run a limit check; when it throws (the limit refused), log `throttle` with `fields` and rethrow.
 */
export async function throttled<T>(
  deps: { logger: Logger },
  fields: { flow: string; [field: string]: unknown },
  check: () => Promise<T>,
): Promise<T> {
  try {
    return await check();
  } catch (error) {
    deps.logger.warn('throttle', fields);
    throw error;
  }
}

/**
 * Run `work`; when it throws a `ServiceError`, log `failure` with the flow, the code as
 * `reason` and the IP, then rethrow (anything else is rethrown unlogged: the app logs it).
 */
export async function failureLogged<T>(
  deps: { logger: Logger },
  flow: string,
  ip: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isServiceError(error)) deps.logger.info('failure', { flow, reason: error.code, ip });
    throw error;
  }
}
