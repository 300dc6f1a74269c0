// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { elementsOf, type Manifest } from '../../scripts/manifest-types.ts';
import { DIST, PACKAGE_DIR, requireBuilt } from './dist.ts';

/**
 * The generated framework types, compiled with strict TypeScript the way a consumer's editor
 * does: `@connect-auth/elements/react` and `/vue` resolved through the package's exports to
 * `dist/` (no source condition, `skipLibCheck` off, so the generated d.ts files are checked too).
 * Each `@ts-expect-error` in the fixtures must be a real error (else TS2578 is reported).
 */
const FIXTURES = join(PACKAGE_DIR, 'type-tests');

function diagnostics(rootNames?: string[], overrides: ts.CompilerOptions = {}): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(FIXTURES, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => expect.fail(String(d.messageText)) },
  );
  if (!config) throw new Error('no tsconfig');
  const program = ts.createProgram({
    rootNames: rootNames ?? config.fileNames,
    options: { ...config.options, ...overrides },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName.replace(PACKAGE_DIR, '')}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

beforeAll(() => requireBuilt('react.d.ts', 'vue.d.ts', 'vscode.html-custom-data.json'));

describe('generated framework types (from dist)', () => {
  it('React 19 JSX and Vue GlobalComponents fixtures type-check, wrong props fail', () => {
    const found = diagnostics();
    expect(found, found.join('\n')).toEqual([]);
  }, 60_000);

  it('without the types entry React knows no connect-* tag (the control)', () => {
    const found = diagnostics([join(FIXTURES, 'negative/no-import.tsx')], { skipLibCheck: true });
    expect(found.join('\n')).toMatch(
      /TS2339: Property 'connect-sign-in' does not exist on type 'JSX.IntrinsicElements'/,
    );
  }, 60_000);

  it('declare every tag, attribute and event of the manifest', () => {
    const manifest = JSON.parse(
      readFileSync(join(PACKAGE_DIR, 'custom-elements.json'), 'utf8'),
    ) as Manifest;
    const react = readFileSync(join(DIST, 'react.d.ts'), 'utf8');
    const vue = readFileSync(join(DIST, 'vue.d.ts'), 'utf8');
    const elements = elementsOf(manifest).map((e) => e.element);
    expect(elements).toHaveLength(7);
    for (const element of elements) {
      expect(react).toContain(`'${element.tagName}': ${element.name}Props;`);
      expect(vue).toContain(`'${element.tagName}': DefineComponent<${element.name}VueProps>;`);
      for (const attribute of element.attributes ?? []) {
        expect(react).toMatch(new RegExp(`\\s'?${attribute.name}'?\\?: ${element.name}\\["`));
      }
      for (const event of element.events ?? []) {
        expect(react).toContain(`'on${event.name}'?: (event: ${event.type?.text}) => void;`);
      }
    }
  });

  it('VS Code custom data lists every tag and attribute, with values where the type has them', () => {
    const manifest = JSON.parse(
      readFileSync(join(PACKAGE_DIR, 'custom-elements.json'), 'utf8'),
    ) as Manifest;
    const data = JSON.parse(readFileSync(join(DIST, 'vscode.html-custom-data.json'), 'utf8')) as {
      version: number;
      tags: {
        name: string;
        description: { value: string };
        attributes: { name: string; description: string; values?: { name: string }[] }[];
      }[];
    };
    expect(data.version).toBe(1.1);
    const elements = elementsOf(manifest).map((e) => e.element);
    expect(data.tags.map((t) => t.name).sort()).toEqual(elements.map((e) => e.tagName).sort());
    for (const element of elements) {
      const tag = data.tags.find((t) => t.name === element.tagName);
      expect(tag?.description.value).toBeTruthy();
      expect(tag?.attributes.map((a) => a.name)).toEqual(element.attributes?.map((a) => a.name));
      for (const attribute of tag?.attributes ?? []) expect(attribute.description).toBeTruthy();
    }
    const autocomplete = data.tags
      .find((t) => t.name === 'connect-password-input')
      ?.attributes.find((a) => a.name === 'autocomplete');
    expect(autocomplete?.values).toEqual([{ name: 'new-password' }, { name: 'current-password' }]);
  });
});
