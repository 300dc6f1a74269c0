import { describe, expect, it } from 'vitest';
import { toPasswordRules } from './password-rules.ts';
import { connectPolicy, nist80063bPolicy } from './presets.ts';

describe('toPasswordRules', () => {
  it('describes the connect preset (required rules only)', () => {
    expect(toPasswordRules(connectPolicy)).toBe(
      'minlength: 8; maxlength: 128; required: upper; required: lower; required: digit; allowed: ascii-printable;',
    );
  });
  it('can make recommended rules required, for generators', () => {
    expect(toPasswordRules(connectPolicy, { includeRecommended: true })).toBe(
      'minlength: 12; maxlength: 128; required: upper; required: lower; required: digit; required: special; allowed: ascii-printable;',
    );
  });
  it('describes the NIST preset', () => {
    expect(toPasswordRules(nist80063bPolicy)).toBe(
      'minlength: 15; maxlength: 128; allowed: ascii-printable;',
    );
  });
  it('falls back to the default maximum and ignores unknown rules', () => {
    expect(
      toPasswordRules({ id: 'x', version: 1, rules: [{ id: 'future', level: 'required' }] }),
    ).toBe('maxlength: 128; allowed: ascii-printable;');
  });
});
