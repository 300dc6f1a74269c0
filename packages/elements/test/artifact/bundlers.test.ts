// @vitest-environment node
import { build } from 'esbuild';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFINE_ENTRIES, REPO_ROOT, requireBuilt, TAGS } from './dist.ts';

/**
 * The built package as a bundler sees it: `import '@connect-auth/elements/<entry>'` resolved
 * through the package's `exports` and tree-shaken under its `sideEffects` (esbuild honours both,
 * as webpack and Rollup/Vite do). Every tag an entry promises must survive and register when the
 * bundle runs in a fresh window; the side-effect-free index must register nothing.
 */
async function bundle(specifier: string, format: 'esm' | 'iife', minify = true): Promise<string> {
  const result = await build({
    stdin: { contents: `import ${JSON.stringify(specifier)};`, resolveDir: REPO_ROOT },
    bundle: true,
    format,
    minify,
    platform: 'browser',
    target: 'es2023',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Run a classic-script bundle in a fresh happy-dom window; return the tags it defined. */
async function definedBy(code: string): Promise<{ window: Window; tags: string[] }> {
  const window = new Window({ url: 'https://app.test/' });
  window.eval(code);
  return { window, tags: TAGS.filter((tag) => window.customElements.get(tag) !== undefined) };
}

beforeAll(() => requireBuilt());

describe('built entries bundled with esbuild (exports + sideEffects)', { timeout: 30_000 }, () => {
  for (const [entry, tags] of Object.entries(DEFINE_ENTRIES)) {
    it(`@connect-auth/elements/${entry} keeps customElements.define for ${tags.join(', ')}`, async () => {
      const code = await bundle(`@connect-auth/elements/${entry}`, 'esm');
      expect(code).toContain('customElements.define(');
      for (const tag of tags) expect(code).toContain(`"${tag}"`);

      const { window, tags: defined } = await definedBy(
        await bundle(`@connect-auth/elements/${entry}`, 'iife'),
      );
      expect(defined).toEqual(TAGS.filter((t) => tags.includes(t)));
      // And what it defined renders (light DOM: the form is a child of the element).
      for (const tag of tags) {
        const el = window.document.createElement(tag) as unknown as HTMLElement & {
          updateComplete: Promise<unknown>;
        };
        window.document.body.append(el as never);
        await el.updateComplete;
        expect(el.children.length, `${tag} rendered nothing`).toBeGreaterThan(0);
      }
      await window.happyDOM.close();
    });
  }

  it('the index entry registers nothing and bundles to (almost) nothing', async () => {
    const code = await bundle('@connect-auth/elements', 'esm');
    expect(code).not.toContain('customElements.define(');
    expect(code.length).toBeLessThan(100);
  });
});
