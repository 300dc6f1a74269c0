/**
 * The English strings every page needs at once (British spelling, the portal guide's words).
 * The texts shown only after a server answers (errors, "check your email", "you are signed in",
 * link states…) are in `en-errors.ts`, loaded on demand like the other languages; the forms
 * wait for them before they show an answer.
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
  'lost.code_submit': 'Save',

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
  'reset.invalid_heading': 'This link is not valid',
  'reset.missing_body':
    'This page needs the link from your email. Open the link again, or ask for a new one.',
  'reset.request_new': 'Ask for a new link',
  'reset.sign_in': 'Sign in',

  // <connect-sign-in>
  'signin.heading': 'Sign in',
  'signin.submit': 'Sign in',
  'signin.forgot': 'Lost Password?',
  'signin.activate_prompt': 'Had an account on the old portal?',
  'signin.activate': 'Activate your account',
  'signin.back': 'Back to sign in',

  // <connect-register>
  'register.heading': 'Register for a new account',
  'register.intro':
    'New to NetCode, or never had a Codelocks Portal account? Register for a new account here. If you had an account on the old portal, activate it instead.',
  'register.submit': 'Register',
  'register.have_account': 'Already have an account?',
  'register.sign_in': 'Sign in',
} as const;
