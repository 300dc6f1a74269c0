import { describe, expect, it } from 'vitest';
import * as guards from './contract/guards.ts';
import * as main from './index.ts';
import * as policy from './policy/index.ts';

describe('the main entry', () => {
  it('exports every value of the policy module', () => {
    const missing = Object.keys(policy).filter((name) => !(name in main));
    expect(missing).toEqual([]);
  });

  it('takes isPasswordPolicy from the zod-free guards, not from the zod-based policy module', () => {
    expect(main.isPasswordPolicy).toBe(guards.isPasswordPolicy);
    expect(main.isPasswordPolicy).not.toBe(policy.isPasswordPolicy);
  });
});
