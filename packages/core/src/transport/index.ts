/**
 * The HTTP transport shared by every flow.
 *
 * @packageDocumentation
 */
export { errorFromResponse, mediaType, parseSuccess } from './interpret.ts';
export type { TransportOptions } from './options.ts';
export { readBody } from './read-body.ts';
export { RETRYABLE_ROUTES } from './retry-policy.ts';
export {
  createTransport,
  type Transport,
  type TransportRequest,
  type TransportResult,
} from './transport.ts';
