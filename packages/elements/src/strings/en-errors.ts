/**
 * The English texts shown only after a server answers: error texts (and those of aborted or
 * unreadable calls), the confirmations and the link states. Loaded on demand: a
 * side-effect-free module behind a dynamic `import()`, split into its own chunk, which the forms
 * start loading when they connect and await before they show an answer.
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
  'lost.sent_heading': 'Check your email',
  'lost.sent_body':
    'If an account exists for {email}, a Password Reset Request email is on its way to it. Select the link in the email to choose a new password; the same link activates accounts from the old portal.',
  'lost.sent_hint':
    'The email can take a few minutes to arrive. Look in your spam or junk folder too.',
  'lost.resend': 'Send the email again',
  'lost.resend_wait': 'You can ask for another email in {seconds} s.',
  'lost.resent': 'If an account exists for {email}, we have sent another email.',
  'lost.use_code': 'Enter the code from the email',
  'lost.other_email': 'Use a different email address',
  'lost.code_heading': 'Enter the code from the email',
  'lost.code_intro':
    'The email also has an 8-digit code. Enter it here with your new password if the link does not work on this device.',
  'lost.back': 'Back',
  'lost.done_heading': 'Your new password is saved',
  'lost.done_heading_activation': 'Your account is active',
  'lost.done_body': 'Sign in using your email address, {email}, and your new password.',
  'reset.expired_heading': 'This link has expired',
  'reset.expired_body':
    'Links only work for a limited time, to keep your account safe. Ask for a new one below.',
  'reset.used_heading': 'This link has already been used',
  'reset.used_body':
    'Each link works only once. If you have already chosen a password, sign in with it. If not, ask for a new link.',
  'reset.superseded_heading': 'A newer email has been sent',
  'reset.superseded_body':
    'You asked for another email after this one, so only the link in the newest email works. Use that one, or ask for a new link.',
  'reset.invalid_body':
    'Some email apps break long links. Try opening the link from the email again, or ask for a new one.',
  'reset.done_heading_activation': 'Your account is active',
  'reset.done_body_activation':
    'Welcome to the new portal. Sign in using your email address, {email}, and your new password.',
  'reset.done_heading_reset': 'Your password has been changed',
  'reset.done_body_reset':
    'Sign in using your email address, {email}, and your new password. Your other devices have been signed out.',
  'signin.done_heading': 'You are signed in',
  'signin.done_body': 'Signed in as {email}.',
  'register.sent_heading': 'Check your email',
  'register.sent_body':
    'We have sent an email to {email}. Follow the link in it to finish. If that address already has an account, the email tells you how to sign in instead.',
} as const;

export default enErrors;
