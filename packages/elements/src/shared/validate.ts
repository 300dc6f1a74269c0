import { canonicalizeEmail } from '@connect-auth/core';
import type { FieldErrors } from './form-controller.ts';

/**
 * A submitted value as a string (`FormData` may also hold files; they count as empty).
 */
export function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Check the `email` field: present and a plausible single address (the same canonicalisation
 * the server applies).
 */
export function checkEmail(data: FormData, errors: FieldErrors, name = 'email'): FieldErrors {
  const email = text(data, name).trim();
  if (!email) errors[name] = 'field.email.required';
  else if (canonicalizeEmail(email) === null) errors[name] = 'field.email.invalid';
  return errors;
}

/**
 * Check that a password field is not empty (never trimmed: spaces are part of a password).
 */
export function checkPassword(data: FormData, errors: FieldErrors, name = 'password'): FieldErrors {
  if (text(data, name) === '') errors[name] = 'field.password.required';
  return errors;
}

/**
 * Check a new password typed twice: the `name` field is not empty, and `confirm` is present and
 * matches it (a mismatch is reported only once there is a password to match).
 */
export function checkNewPassword(
  data: FormData,
  errors: FieldErrors,
  name = 'password',
): FieldErrors {
  const password = text(data, name);
  const confirm = text(data, 'confirm');
  checkPassword(data, errors, name);
  if (!confirm) errors.confirm = 'field.confirm.required';
  else if (password && confirm !== password) errors.confirm = 'field.confirm.mismatch';
  return errors;
}
