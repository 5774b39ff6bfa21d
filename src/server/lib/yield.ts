/**
 * Long stretches of JavaScript in the request thread stop every other request (ADR 0010). A loop
 * over many records awaits `pause()` now and then: it lets timers and sockets run whenever at
 * least `everyMs` have passed since it last did, and costs nothing otherwise.
 */
export function pauser(everyMs = 20) {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}
