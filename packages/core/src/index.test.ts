import { describe, expect, it } from 'vitest';
import * as guards from './contract/guards.ts';
import * as main from './index.ts';
import * as policy from './policy/index.ts';

describe('the main entry', () => {
  it('exports every value of the policy module', () => {
    const missing = Object.keys(policy).filter((name) => !(name in main));
    expect(missing).toEqual([]);
  });

  it('has one isPasswordPolicy, the zod-free guard, in the main entry and the policy module', () => {
    expect(main.isPasswordPolicy).toBe(guards.isPasswordPolicy);
    expect(policy.isPasswordPolicy).toBe(guards.isPasswordPolicy);
  });
});
