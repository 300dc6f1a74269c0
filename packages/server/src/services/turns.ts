/**
 * Flows that hash a password give the event loop a turn after every hash, before their next
 * piece runs (issue #13): a hash's result arrives as one event, and whatever the flow does with it
 * — store writes, tokens, the answer — would otherwise run straight on from that event while
 * other requests that arrived during the hash wait for all of it. Sign-in also takes a turn
 * before its reservation and after its bookkeeping (`sessions.ts`).
 */

/**
 * Resolve on the next turn of the event loop (`setImmediate`): I/O that is ready by then — another
 * request's bytes, another hash's result — is handled first.
 */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
