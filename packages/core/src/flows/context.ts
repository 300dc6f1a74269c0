import type { SessionManager } from '../session/session-manager.ts';
import type { Transport } from '../transport/transport.ts';

/**
 * What every flow needs: the client's transport and session state.
 *
 * @example
 * ```ts
 * const context: FlowContext = { transport: createTransport({ baseUrl }), session: createSessionManager() };
 * await signIn(context, { email, password });
 * ```
 */
export interface FlowContext {
  transport: Transport;
  session: SessionManager;
}
