import type { SessionManager } from '../session/session-manager.ts';
import type { Transport } from '../transport/transport.ts';

/**
 * What every flow needs: the client's transport and session state.
 */
export interface FlowContext {
  transport: Transport;
  session: SessionManager;
}
