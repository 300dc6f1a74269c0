/**
 * One module per flow; the client facade binds them to its transport and session.
 *
 * @packageDocumentation
 */
export {
  changePassword,
  confirmEmailChange,
  requestEmailChange,
  signOutEverywhere,
} from './account.ts';
export {
  type CompletePasswordResetInput,
  completePasswordReset,
} from './complete-password-reset.ts';
export type { FlowContext } from './context.ts';
export { createPolicyLoader } from './get-password-policy.ts';
export { normalizeResetCode } from './normalize-code.ts';
export { refreshSession } from './refresh-session.ts';
export { register } from './register.ts';
export { requestPasswordReset } from './request-password-reset.ts';
export { signIn } from './sign-in.ts';
export { signOut } from './sign-out.ts';
export { validateBody } from './validate.ts';
export { verifyEmail } from './verify-email.ts';
export { verifyResetToken } from './verify-reset-token.ts';
