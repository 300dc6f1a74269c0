/**
 * The server's English words (British spelling): every mail and every problem title and detail.
 * The reference table: each other language must have every id, with the same `{placeholders}`.
 */
export const en = {
  // Dates and durations, in UTC (the server does not know the reader's time zone).
  'date.format': '{time} UTC on {weekday} {day} {month} {year}',
  'date.weekdays': 'Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday',
  'date.months':
    'January,February,March,April,May,June,July,August,September,October,November,December',
  'duration.minute': '1 minute',
  'duration.minutes': '{count} minutes',
  'duration.hours': '{count} hours',

  // Pieces every mail shares.
  'mail.or_open': 'Or open this address:',
  'mail.contact': 'Contact Customer Services:',
  'mail.validity':
    'The link and the code are valid for {duration}, until {until}, and work once. If you asked more than once, only the newest email works.',
  'mail.validity_until':
    'The link and the code are valid until {until}, and work once. If you asked more than once, only the newest email works.',

  // password_reset: the guide's "Password Reset Request for Codelocks Connect".
  'reset.subject': 'Password Reset Request for {product}',
  'reset.title': 'Reset your password',
  'reset.intro':
    'We received a request to reset the password of the {product} account that uses this email address. Click on the link to choose a new password.',
  'reset.button': 'Choose a new password',
  'reset.code_lead':
    'If the link does not open, enter this one-time code on the Lost Password page instead:',
  'reset.unasked':
    'Did not ask for this? You can ignore this email: your password stays as it is, and the link is of no use to anyone without access to your mailbox.',
  'reset.support': 'Cannot use the link or the code?',

  // account_activation: the same subject, for accounts migrated from the old portal.
  'activation.subject': 'Password Reset Request for {product}',
  'activation.title': 'Activate your {product} account',
  'activation.intro':
    'Your account from the old portal is now on {product}. You still sign in with this email address; to activate the account, click on the link and choose a new password.',
  'activation.button': 'Activate my account',
  'activation.code_lead':
    'If the link does not open, enter this one-time code on the Lost Password page instead:',
  'activation.why':
    'Activating confirms that this email address is still yours, so that account information reaches the person who controls both the account and the mailbox, and lets you choose a new, strong password.',
  'activation.unasked':
    'Did not ask for this? You can ignore this email: nothing changes until a new password is chosen with this link or code.',
  'activation.support':
    'Cannot use the link, or no longer have access to this mailbox? Customer Services can help you regain access, though they cannot move locks between accounts or open an account whose ownership cannot be verified.',

  // password_changed
  'changed.subject': 'Your {product} password was changed',
  'changed.subject_activated': 'Your {product} account is active',
  'changed.title': 'Your password was changed',
  'changed.title_activated': 'Your account is active',
  'changed.lead':
    'The password of your {product} account was changed at {when}. Every other device that was signed in has been signed out: sign in there again with your email address and your new password.',
  'changed.lead_activated':
    'Your {product} account was activated with a new password at {when}. You can now sign in using your email address and your new password.',
  'changed.ok': 'If this was you, there is nothing else to do.',
  'changed.support':
    'If this was not you, someone may be able to read your email: secure your mailbox, then choose a new password on the Lost Password page.',

  // verify_email
  'verify.subject': 'Confirm your email address for {product}',
  'verify.title': 'Confirm your email address',
  'verify.intro':
    'Thank you for registering with {product}. Confirm that this email address is yours to activate your account.',
  'verify.button': 'Confirm my email address',
  'verify.validity': 'The link is valid for {duration}, until {until}, and works once.',
  'verify.validity_until': 'The link is valid until {until}, and works once.',
  'verify.unasked': 'Did not register? You can ignore this email: the account stays inactive.',
  'verify.support': 'Cannot use the link?',

  // already_registered
  'already.subject': 'You already have a {product} account',
  'already.title': 'You already have an account',
  'already.intro':
    'Someone, probably you, tried to register with this email address, but it already belongs to a {product} account.',
  'already.sign_in': 'Sign in',
  'already.reset_lead':
    'Forgotten your password, or never activated your account from the old portal? Choose a new password on the Lost Password page:',
  'already.reset_button': 'Reset Password',
  'already.unasked': 'If this was not you, you can ignore this email: nothing has changed.',
  'already.support': 'Need help?',

  // invitation, email_change (to the new address), email_changed (notice to the old one)
  'invitation.subject': 'You are invited to {product}',
  'invitation.title': 'Your {product} account is ready',
  'invitation.intro':
    'An account on {product} has been created for this email address, so that you can use the locks shared with you. To start, click on the link and choose a password.',
  'invitation.button': 'Choose my password',
  'invitation.code_lead':
    'If the link does not open, enter this one-time code on the Lost Password page instead:',
  'invitation.unasked':
    'Not expecting this? You can ignore this email: nothing happens until a password is chosen with this link or code.',
  'invitation.support': 'Cannot use the link or the code?',
  'emailchange.subject': 'Confirm your new email address for {product}',
  'emailchange.title': 'Confirm your new email address',
  'emailchange.intro':
    'You asked to sign in to {product} using this email address from now on. Click on the link to confirm that it is yours; until you do, nothing changes.',
  'emailchange.button': 'Confirm my new email address',
  'emailchange.unasked': 'Did not ask for this? You can ignore this email: nothing changes.',
  'emailchange.support': 'Cannot use the link?',
  'emailchanged.subject': 'The email address of your {product} account was changed',
  'emailchanged.title': 'Your email address was changed',
  'emailchanged.lead':
    'Since {when}, you sign in to your {product} account using your email address {email}. This email address no longer signs in.',
  'emailchanged.lead_support':
    'At your request, Customer Services moved your {product} account to the email address {email} at {when}. An activation email has been sent to that address; this email address no longer signs in.',
  'emailchanged.support':
    'If this was not you, someone may have got into your account: act at once.',

  // Problem titles and details (application/problem+json), one pair per error code.
  'problem.invalid_credentials.title': 'Email or password is incorrect',
  'problem.invalid_credentials.detail':
    'The email address and password do not match an active account. An account from the old portal must be activated first.',
  'problem.token_expired.title': 'This link has expired',
  'problem.token_expired.detail': 'Links work for a limited time. Ask for a new email.',
  'problem.token_used.title': 'This link has already been used',
  'problem.token_used.detail': 'Each link works once. Sign in, or ask for a new email.',
  'problem.token_superseded.title': 'A newer link has been sent',
  'problem.token_superseded.detail': 'Only the link in the newest email works.',
  'problem.token_invalid.title': 'This link is not valid',
  'problem.token_invalid.detail': 'Open the link from the email again, or ask for a new email.',
  'problem.code_invalid.title': 'This code is not valid',
  'problem.code_invalid.detail':
    'The code is wrong, expired or used up. Use the code from the newest email, or ask for a new one.',
  'problem.weak_password.title': 'The password does not meet the policy',
  'problem.weak_password.detail': 'The rules member lists each requirement and whether it is met.',
  'problem.rate_limited.title': 'Too many requests',
  'problem.rate_limited.detail': 'Wait for the time given in Retry-After, then try again.',
  'problem.validation_failed.title': 'The request is not valid',
  'problem.validation_failed.detail': 'The issues member lists each field that is not valid.',
  'problem.session_invalid.title': 'The session is not valid',
  'problem.session_invalid.detail': 'The session has ended or was revoked. Sign in again.',
  'problem.origin_forbidden.title': 'This origin is not allowed',
  'problem.origin_forbidden.detail':
    'This page’s origin is not on the server’s list of allowed origins.',
  'problem.unsupported_media_type.title': 'Only application/json is accepted',
  'problem.unsupported_media_type.detail': 'Send the request body as application/json.',
  'problem.payload_too_large.title': 'The request body is too large',
  'problem.payload_too_large.detail': 'Send a smaller request body.',
  'problem.not_found.title': 'Not found',
  'problem.not_found.detail': 'There is nothing at this address.',
  'problem.method_not_allowed.title': 'Method not allowed',
  'problem.method_not_allowed.detail': 'This address does not accept this method.',
  'problem.email_taken.title': 'This email address belongs to another account',
  'problem.email_taken.detail':
    'Another account signs in with this email address now, so the change could not be made.',
  'problem.admin_key_invalid.title': 'A valid admin API key is required',
  'problem.admin_key_invalid.detail':
    'Send a current admin API key in the Authorization header (Bearer).',
  'problem.server_error.title': 'Internal server error',
  'problem.server_error.detail': 'Something went wrong on the server. Try again in a few minutes.',
} as const;

/** Every id of the server's words. */
export type WordId = keyof typeof en;

/** A complete table of the server's words for one language. */
export type Words = Readonly<Record<WordId, string>>;
