/**
 * The English strings every page needs at once (British spelling, the portal guide's words).
 * The error texts of server answers are in `en-errors.ts`, loaded on demand like the other
 * languages: they are shown only after an answer arrives, and the forms wait for them then.
 * Internal: the public table is `en` (`en.ts`), both parts together.
 */
export const enBase = {
  // Shared
  'common.pending': 'Please wait…',
  'common.retry': 'Try again',
  'field.email': 'Email address',
  'field.name': 'Name (optional)',
  'field.password': 'Password',
  'field.new_password': 'New password',
  'field.confirm_password': 'Confirm new password',
  'field.code': 'Code from the email',
  'field.code.hint': '8 digits, for example 12345678.',
  'field.email.required': 'Enter your email address.',
  'field.email.invalid': 'Enter an email address in the form name@example.com.',
  'field.password.required': 'Enter a password.',
  'field.confirm.required': 'Enter the new password again.',
  'field.confirm.mismatch': 'The two passwords are not the same.',
  'field.code.required': 'Enter the code from the email.',
  'field.code.invalid': 'The code is 8 digits.',
  'field.name.invalid': 'Enter a name of up to 200 characters.',
  'field.invalid': 'Check this field.',

  // Error summary and error codes
  'error.summary_title': 'There is a problem',
  'error.validation_failed': 'Some details are not valid. Check the fields marked below.',
  'error.network_error':
    'We could not reach the account service. Check your connection and try again.',
  'error.missing_client': 'This form is not connected to an account service yet.',
  'error.unknown': 'Something went wrong. Please try again.',

  // Password input
  'password.show': 'Show password',
  'password.required_rules': 'Requirements',
  'password.recommended_rules': 'Recommended',
  'password.rule_met': 'done',
  'password.rule_unmet': 'not yet',
  'password.announce_met': 'Met: {rule}',
  'password.announce_unmet': 'Not met: {rule}',
  'password.strength': 'Strength: {level}',
  'password.strength.0': 'very weak',
  'password.strength.1': 'weak',
  'password.strength.2': 'fair',
  'password.strength.3': 'good',
  'password.strength.4': 'strong',
  'rule.min_length': 'At least {min} characters',
  'rule.max_length': 'No more than {max} characters',
  'rule.uppercase': 'An uppercase letter (A–Z)',
  'rule.lowercase': 'A lowercase letter (a–z)',
  'rule.digit': 'A number (0–9)',
  'rule.special': 'A special character, such as {chars}',
  'rule.not_common': 'Not a commonly used password',
  'rule.not_context': 'Does not contain your email address or name',
  'rule.unknown': 'Another requirement of the server ({id})',

  // Customer Services
  'support.heading': 'No access to your email address?',
  'support.body':
    'Our Customer Services team will try to help you regain access to your account. They can only open an account to someone who can verify it is theirs, and they cannot transfer locks from one account to another.',
  'support.link': 'Contact Customer Services',

  // <connect-lost-password>
  'lost.heading': 'Lost Password',
  'lost.intro':
    'Enter the email address you sign in with and select Reset Password. We will email you a link to choose a new password. If you had an account on the old portal, this is also how you activate it.',
  'lost.submit': 'Reset Password',
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
  'lost.code_submit': 'Save',
  'lost.back': 'Back',
  'lost.done_heading': 'Your new password is saved',
  'lost.done_heading_activation': 'Your account is active',
  'lost.done_body': 'Sign in using your email address, {email}, and your new password.',

  // <connect-reset-password>
  'reset.verifying': 'Checking your link…',
  'reset.heading_activation': 'Activate your account',
  'reset.heading_reset': 'Choose a new password',
  'reset.for_account': 'For the account {email}',
  'reset.intro_activation':
    'Choose and confirm a new password, then select Save. Saving it activates your account.',
  'reset.intro_reset':
    'Choose and confirm a new password, then select Save. It replaces your old one and signs out your other devices.',
  'reset.submit': 'Save',
  'reset.expired_heading': 'This link has expired',
  'reset.expired_body':
    'Links only work for a limited time, to keep your account safe. Ask for a new one below.',
  'reset.used_heading': 'This link has already been used',
  'reset.used_body':
    'Each link works only once. If you have already chosen a password, sign in with it. If not, ask for a new link.',
  'reset.superseded_heading': 'A newer email has been sent',
  'reset.superseded_body':
    'You asked for another email after this one, so only the link in the newest email works. Use that one, or ask for a new link.',
  'reset.invalid_heading': 'This link is not valid',
  'reset.invalid_body':
    'Some email apps break long links. Try opening the link from the email again, or ask for a new one.',
  'reset.missing_body':
    'This page needs the link from your email. Open the link again, or ask for a new one.',
  'reset.request_new': 'Ask for a new link',
  'reset.done_heading_activation': 'Your account is active',
  'reset.done_body_activation':
    'Welcome to the new portal. Sign in using your email address, {email}, and your new password.',
  'reset.done_heading_reset': 'Your password has been changed',
  'reset.done_body_reset':
    'Sign in using your email address, {email}, and your new password. Your other devices have been signed out.',
  'reset.sign_in': 'Sign in',

  // <connect-sign-in>
  'signin.heading': 'Sign in',
  'signin.submit': 'Sign in',
  'signin.forgot': 'Lost Password?',
  'signin.activate_prompt': 'Had an account on the old portal?',
  'signin.activate': 'Activate your account',
  'signin.back': 'Back to sign in',
  'signin.done_heading': 'You are signed in',
  'signin.done_body': 'Signed in as {email}.',

  // <connect-register>
  'register.heading': 'Register for a new account',
  'register.intro':
    'New to NetCode, or never had a Codelocks Portal account? Register for a new account here. If you had an account on the old portal, activate it instead.',
  'register.submit': 'Register',
  'register.sent_heading': 'Check your email',
  'register.sent_body':
    'We have sent an email to {email}. Follow the link in it to finish. If that address already has an account, the email tells you how to sign in instead.',
  'register.have_account': 'Already have an account?',
  'register.sign_in': 'Sign in',
} as const;
