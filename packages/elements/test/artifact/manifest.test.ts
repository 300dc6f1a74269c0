import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PropertyDeclarations } from 'lit';
import { describe, expect, it } from 'vitest';
import { elementsOf, type Manifest } from '../../scripts/manifest-types.ts';
import { ConnectChangeEmail } from '../../src/change-email/change-email.component.ts';
import { ConnectChangePassword } from '../../src/change-password/change-password.component.ts';
import { ConnectLostPassword } from '../../src/lost-password/lost-password.component.ts';
import { ConnectPasswordInput } from '../../src/password-input/password-input.component.ts';
import { passwordInputStyles } from '../../src/password-input/password-input.styles.ts';
import { ConnectRegister } from '../../src/register/register.component.ts';
import { ConnectResetPassword } from '../../src/reset-password/reset-password.component.ts';
import { baseStyles } from '../../src/shared/base.styles.ts';
import { ConnectElement } from '../../src/shared/connect-element.ts';
import { ConnectSignIn } from '../../src/sign-in/sign-in.component.ts';
import { DEFINE_ENTRIES, PACKAGE_DIR } from './dist.ts';

/**
 * `custom-elements.json` against the real components: every declared Lit property (public ones
 * as members, attributes under their attribute names; `state` ones absent), every custom property
 * the stylesheets use, the definitions each entry registers, descriptions everywhere and module
 * paths that exist in the package.
 */
const manifest = JSON.parse(
  readFileSync(join(PACKAGE_DIR, 'custom-elements.json'), 'utf8'),
) as Manifest;
const CLASSES = {
  'connect-change-email': ConnectChangeEmail,
  'connect-change-password': ConnectChangePassword,
  'connect-lost-password': ConnectLostPassword,
  'connect-password-input': ConnectPasswordInput,
  'connect-register': ConnectRegister,
  'connect-reset-password': ConnectResetPassword,
  'connect-sign-in': ConnectSignIn,
} as const;
const elements = elementsOf(manifest);

/** `static properties` of a class and its Connect base classes. */
function declaredProperties(cls: typeof ConnectElement): PropertyDeclarations {
  const chain: PropertyDeclarations[] = [];
  for (let c = cls; c !== ConnectElement.prototype.constructor; c = Object.getPrototypeOf(c)) {
    if (Object.hasOwn(c, 'properties')) chain.unshift(c.properties);
  }
  chain.unshift(ConnectElement.properties);
  return Object.assign({}, ...chain);
}

describe('custom-elements.json', () => {
  it('declares the seven elements, each in its dist/define module', () => {
    expect(elements.map((e) => e.element.tagName).sort()).toEqual(Object.keys(CLASSES).sort());
    for (const { module, element } of elements) {
      expect(module.path).toBe(`dist/define/${element.tagName?.replace('connect-', '')}.js`);
      expect(element.name).toBe(CLASSES[element.tagName as keyof typeof CLASSES].name);
    }
  });

  it('documents every static property: public ones with their attribute, state ones not at all', () => {
    for (const { element } of elements) {
      const cls = CLASSES[element.tagName as keyof typeof CLASSES];
      const members = new Map(element.members?.map((m) => [m.name, m]));
      const attributes = new Map(element.attributes?.map((a) => [a.name, a]));
      for (const [name, options] of Object.entries(declaredProperties(cls))) {
        const where = `${element.tagName}.${name}`;
        if (options.state) {
          expect(members.has(name), where).toBe(false);
          continue;
        }
        expect(members.get(name)?.description, where).toBeTruthy();
        if (options.attribute === false) continue;
        const attribute =
          typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
        expect(attributes.get(attribute)?.fieldName, `${where} attribute ${attribute}`).toBe(name);
        expect(attributes.get(attribute)?.description, where).toBeTruthy();
      }
    }
  });

  it('lists every --connect-* custom property of the stylesheets on every element, described', () => {
    const used = new Set(
      [...`${baseStyles}${passwordInputStyles}`.matchAll(/var\((--connect-[a-z-]+)/g)].map(
        (m) => m[1],
      ),
    );
    expect(used.size).toBe(19);
    for (const { element } of elements) {
      const listed = element.cssProperties ?? [];
      expect(new Set(listed.map((p) => p.name)), element.tagName).toEqual(used);
      for (const property of listed) {
        expect(property.description, property.name).toBeTruthy();
        expect(property.default, property.name).toBeTruthy();
      }
    }
  });

  it('names and describes everything; no internals', () => {
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
      } else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if ('name' in record) expect(record.name, path).toMatch(/\S/);
        for (const [k, v] of Object.entries(record)) walk(v, `${path}.${k}`);
      }
    };
    walk(manifest, 'manifest');
    for (const { element } of elements) {
      expect(element.description).toBeTruthy();
      for (const list of [element.members, element.attributes, element.events]) {
        for (const item of list ?? [])
          expect(item.description, `${element.tagName} ${item.name}`).toBeTruthy();
      }
      for (const member of element.members ?? []) {
        expect(member.name).not.toMatch(/^[_#]/);
        expect(member.privacy ?? 'public').toBe('public');
        expect(member.static).toBeUndefined();
      }
      expect(element.events?.length ?? 0).toBeGreaterThan(
        element.tagName === 'connect-password-input' ? -1 : 2,
      );
    }
  });

  it('exports the custom-element definitions each entry registers', () => {
    for (const [entry, tags] of Object.entries(DEFINE_ENTRIES)) {
      const module = manifest.modules.find((m) => m.path === `dist/${entry}.js`);
      const defined = module?.exports
        .filter((e) => e.kind === 'custom-element-definition')
        .map((e) => e.name);
      expect(new Set(defined), entry).toEqual(new Set(tags));
    }
  });

  it('points only at files the package ships', () => {
    const paths = manifest.modules.flatMap((m) => [
      m.path,
      ...m.exports.map((e) => e.declaration.module).filter((p): p is string => Boolean(p)),
    ]);
    for (const path of new Set(paths)) {
      expect(path).toMatch(/^dist\/.+\.js$/);
      expect(existsSync(join(PACKAGE_DIR, path)), path).toBe(true);
    }
  });
});
