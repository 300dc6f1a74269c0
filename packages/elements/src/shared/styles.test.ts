import { describe, expect, it } from 'vitest';
import { passwordInputStyles } from '../password-input/password-input.styles.ts';
import { baseStyles } from './base.styles.ts';

describe('stylesheets', () => {
  it('use logical properties only, so dir="rtl" mirrors every form (checked in Chromium by the demo tests)', () => {
    for (const css of [baseStyles, passwordInputStyles]) {
      const physical = css.match(
        /\b(?:margin|padding|border)-(?:left|right)\b|(?<![-\w])(?:left|right)\s*:|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)|border-(?:top|bottom)-(?:left|right)-radius/g,
      );
      expect(physical).toBeNull();
    }
    expect(baseStyles).toContain('padding-inline-start');
    expect(baseStyles).toContain('border-inline-start');
  });
});
