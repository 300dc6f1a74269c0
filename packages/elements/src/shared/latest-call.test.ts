import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import { LatestCall } from './latest-call.ts';

function host(): ReactiveControllerHost & { controllers: ReactiveController[]; updates: number } {
  const h = {
    controllers: [] as ReactiveController[],
    updates: 0,
    addController(c: ReactiveController) {
      h.controllers.push(c);
    },
    removeController() {},
    requestUpdate() {
      h.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
  return h;
}

describe('LatestCall', () => {
  it('aborts the running call when a newer one starts; the older call finishing changes nothing', () => {
    const h = host();
    const call = new LatestCall(h);
    const first = call.start();
    const second = call.start();
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
    call.finish(first);
    expect(call.running).toBe(true); // the second call still runs
    call.finish(second);
    expect(call.running).toBe(false);
  });

  it('renders the host again when running changes', () => {
    const h = host();
    const call = new LatestCall(h);
    const signal = call.start();
    expect(h.updates).toBe(1);
    call.finish(signal);
    expect(h.updates).toBe(2);
    call.finish(signal); // already over
    call.abort(); // nothing running
    expect(h.updates).toBe(2);
  });

  it('aborts the running call when the host disconnects', () => {
    const h = host();
    const call = new LatestCall(h);
    expect(h.controllers).toContain(call);
    const signal = call.start();
    call.hostDisconnected();
    expect(signal.aborted).toBe(true);
    expect(call.running).toBe(false);
  });
});
