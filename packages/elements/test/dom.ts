import { vi } from 'vitest';

/** An element's pending update (Lit), awaited for it and its Connect descendants. */
export async function settle(element: Element): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    const all = [element, ...element.querySelectorAll('*')].filter((node) =>
      node.localName.startsWith('connect-'),
    ) as Array<Element & { updateComplete?: Promise<unknown> }>;
    await Promise.all(all.map((node) => node.updateComplete));
  }
}

/** Connect an element to the document and wait for its first render. */
export async function mount<T extends HTMLElement>(element: T): Promise<T> {
  document.body.append(element);
  await settle(element);
  return element;
}

/** Wait until `element` shows `data-step="step"`. */
export async function untilStep(element: HTMLElement, step: string): Promise<void> {
  await vi.waitFor(() => {
    if (element.dataset.step !== step)
      throw new Error(`step is ${element.dataset.step}, want ${step}`);
  });
  await settle(element);
}

/** Set an input's value the way autofill does: no input or change event. */
export function autofill(root: ParentNode, selector: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`no input ${selector}`);
  input.value = value;
}

/** Submit the first form of the current step with its submit button. */
export function submit(root: ParentNode): void {
  const form = root.querySelector<HTMLFormElement>('form');
  if (!form) throw new Error('no form');
  form.requestSubmit();
}

/** Text of a node with whitespace collapsed. */
export function textOf(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
