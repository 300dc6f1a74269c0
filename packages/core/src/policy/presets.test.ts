import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../contract/policy.ts';
import { isPasswordPolicy } from './index.ts';
import { connectPolicy, getPolicyPreset, nist80063bPolicy, POLICY_PRESET_IDS } from './presets.ts';

describe('presets', () => {
  it('are valid policies using only known rule ids', () => {
    for (const preset of [connectPolicy, nist80063bPolicy]) {
      expect(isPasswordPolicy(preset)).toBe(true);
      for (const rule of preset.rules) expect(RULE_IDS).toContain(rule.id);
    }
  });
  it('are found by id, as copies', () => {
    expect(POLICY_PRESET_IDS).toEqual(['connect', 'nist-800-63b']);
    const copy = getPolicyPreset('connect');
    expect(copy).toEqual(connectPolicy);
    expect(copy).not.toBe(connectPolicy);
    copy?.rules.pop();
    expect(connectPolicy.rules).toHaveLength(9);
    expect(getPolicyPreset('nist-800-63b')).toEqual(nist80063bPolicy);
    expect(getPolicyPreset('nope')).toBeUndefined();
  });
  it('connect has the portal rules at the documented levels', () => {
    const levels = connectPolicy.rules.map((r) => `${r.id}:${r.level}`);
    expect(levels).toEqual([
      'min_length:required',
      'max_length:required',
      'uppercase:required',
      'lowercase:required',
      'digit:required',
      'not_common:required',
      'not_context:required',
      'special:recommended',
      'min_length:recommended',
    ]);
  });
});

describe('isPasswordPolicy', () => {
  it('rejects malformed policies', () => {
    expect(isPasswordPolicy(null)).toBe(false);
    expect(isPasswordPolicy({ id: 'x', version: 1 })).toBe(false);
    expect(isPasswordPolicy({ id: 'x', version: 1, rules: [{ id: 'a', level: 'must' }] })).toBe(
      false,
    );
    expect(
      isPasswordPolicy({
        id: 'x',
        version: 1,
        rules: [{ id: 'a', level: 'required', params: { a: {} } }],
      }),
    ).toBe(false);
  });
});
