import { CLIENT_ERROR_CODES, SERVER_ERROR_CODES } from '@connect-auth/core';
import { RULE_IDS } from '@connect-auth/core/contract';
import { describe, expect, it } from 'vitest';
import { de } from './de.ts';
import { en } from './en.ts';
import { errorStringId, ruleStringId } from './errors.ts';
import { format } from './format.ts';
import { registerTranslation, resolveStrings } from './registry.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('string tables', () => {
  it('German translates every English id, keeps every placeholder, and has no extra ids', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [id, text] of Object.entries(en)) {
      const german = de[id as keyof typeof en];
      expect(german.trim(), id).not.toBe('');
      expect(placeholders(german), id).toEqual(placeholders(text));
    }
  });

  it('maps every error code this version knows to its own string, and unknown codes to a generic one', () => {
    for (const code of [...SERVER_ERROR_CODES, ...CLIENT_ERROR_CODES, 'missing_client']) {
      expect(errorStringId(code), code).toBe(`error.${code}`);
    }
    expect(errorStringId('from_a_newer_server')).toBe('error.unknown');
    expect(errorStringId('summary_title')).toBe('error.unknown');
  });

  it('has a string for every rule this version knows', () => {
    for (const rule of RULE_IDS) expect(ruleStringId(rule), rule).toBe(`rule.${rule}`);
    expect(ruleStringId('future_rule')).toBe('rule.unknown');
  });
});

describe('registry', () => {
  it('falls back from region to language to English, with instance overrides on top', () => {
    expect(resolveStrings('de-AT')['signin.submit']).toBe(de['signin.submit']);
    expect(resolveStrings('DE_ch')['signin.submit']).toBe(de['signin.submit']);
    expect(resolveStrings('xx')['signin.submit']).toBe(en['signin.submit']);
    expect(resolveStrings(null)['signin.submit']).toBe(en['signin.submit']);
    expect(resolveStrings('de', { 'signin.submit': 'Los' })['signin.submit']).toBe('Los');
  });

  it('merges registered tables per locale and leaves other locales alone', () => {
    registerTranslation('nl', { 'signin.submit': 'Inloggen' });
    registerTranslation('nl', { 'signin.heading': 'Inloggen bij Connect' });
    const nl = resolveStrings('nl');
    expect(nl['signin.submit']).toBe('Inloggen');
    expect(nl['signin.heading']).toBe('Inloggen bij Connect');
    expect(nl['field.email']).toBe(en['field.email']);
    expect(resolveStrings('en')['signin.submit']).toBe(en['signin.submit']);
  });

  it('rejects an empty locale', () => {
    expect(() => registerTranslation(' ', {})).toThrow(TypeError);
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Wait {seconds} s, {who}', { seconds: 5 })).toBe('Wait 5 s, {who}');
  });
});
