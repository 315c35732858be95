// Captured when the tests load, before any of them fakes timers: waiting runs in real time.
const realNow = performance.now.bind(performance);
const realTimeout = window.setTimeout.bind(window);

/**
 * Waits, in real time, until `check` returns something truthy, and returns it. Fails after `ms`
 * milliseconds, naming `what` it waited for.
 */
export async function until<T>(check: () => T, what: string | (() => string), ms = 8000): Promise<NonNullable<T>> {
  const end = realNow() + ms;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (realNow() > end) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => realTimeout(resolve, 5));
  }
}
