/**
 * The one clock of the application. Tests (and, later, the staff's "move time" tool) override it
 * so that schedules can be checked by moving time instead of waiting.
 *
 * The override lives on globalThis: Next evaluates modules in more than one bundle (the app and
 * instrumentation), and all of them must read the same time.
 */
type ClockState = { read?: () => Date };

const state: ClockState = ((globalThis as { __areaClock?: ClockState }).__areaClock ??= {});

export function now(): Date {
  return state.read ? state.read() : new Date();
}

/** Freezes time at `at`, or reads it from `read`. */
export function setClock(at: Date | (() => Date)) {
  state.read = typeof at === "function" ? at : () => new Date(at.getTime());
}

/** Moves the clock forward by `ms`: a frozen clock stays frozen, a running one keeps running. */
export function advanceClock(ms: number) {
  const previous = state.read ?? (() => new Date());
  state.read = () => new Date(previous().getTime() + ms);
}

export function resetClock() {
  state.read = undefined;
}
