import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A per-second countdown that re-renders its host while it runs, stops on disconnect and
 * resumes (from the same deadline) on reconnect.
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #deadline = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #onEnd: (() => void) | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Whole seconds left (rounded up); 0 when not running. */
  get seconds(): number {
    return Math.max(0, Math.ceil((this.#deadline - Date.now()) / 1000));
  }

  /** True while the countdown runs. */
  get running(): boolean {
    return this.seconds > 0;
  }

  /** Start (or extend) the countdown; never shortens a running one. */
  start(ms: number, onEnd?: () => void): void {
    const deadline = Date.now() + Math.max(0, ms);
    if (deadline <= this.#deadline) return;
    this.#deadline = deadline;
    this.#onEnd = onEnd;
    this.#tick();
  }

  hostConnected(): void {
    if (this.running) this.#tick();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #tick(): void {
    this.#stop();
    this.#host.requestUpdate();
    if (!this.running) return;
    this.#timer = setInterval(() => {
      this.#host.requestUpdate();
      if (!this.running) {
        this.#stop();
        this.#onEnd?.();
      }
    }, 1000);
  }

  #stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
