/**
 * The English error texts of server answers (and of aborted or unreadable calls), loaded on
 * demand: a side-effect-free module behind a dynamic `import()`, split into its own chunk.
 */
export const enErrors = {
  'error.invalid_credentials':
    'That email address and password do not match an active account. If you had an account on the old portal, activate it first.',
  'error.token_expired': 'This link has expired.',
  'error.token_used': 'This link has already been used.',
  'error.token_superseded': 'A newer email has been sent, so this link no longer works.',
  'error.token_invalid': 'This link is not valid.',
  'error.code_invalid':
    'That code is not right or has expired. Use the code from the newest email, or ask for a new one.',
  'error.weak_password': 'The password does not meet every requirement. See the list below.',
  'error.rate_limited': 'Too many attempts. Please wait a moment and try again.',
  'error.rate_limited_wait': 'Too many attempts. You can try again in {seconds} s.',
  'error.session_invalid': 'Your session has ended. Please sign in again.',
  'error.origin_forbidden': 'This page is not allowed to use the account service.',
  'error.unsupported_media_type': 'The account service could not read this request.',
  'error.payload_too_large': 'What you entered is too long to send.',
  'error.not_found': 'The account service is not available at this address.',
  'error.method_not_allowed': 'The account service does not accept this request.',
  'error.server_error': 'Something went wrong on our side. Please try again in a few minutes.',
  'error.timeout': 'The account service took too long to answer. Please try again.',
  'error.aborted': 'The request was cancelled.',
  'error.invalid_response':
    'The account service sent an answer we could not read. Please try again later.',
} as const;

export default enErrors;
