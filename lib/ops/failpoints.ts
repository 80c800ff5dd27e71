/**
 * Failpoints for the fault drills (scripts/fault-drills.ts): `failpoint(name)` kills this process
 * with SIGKILL, as a power cut or an OOM kill would, when `AREA_FAILPOINT` names that point and
 * `AREA_DEV_TOOLS=1` (the switch of the development-only tools, never set in a real deployment).
 * Otherwise it does nothing: the environment is read once, when the module loads.
 */
export const failpointNames = [
  /** Any attempt (an order, an invoice, a card check): stored and SENT, the bank not called yet. */
  "attempt.after-sent",
  /** A saved card was charged by the bank; the outcome is not recorded yet. */
  "attempt.after-charge",
  /** The success of a saved-card charge is recorded (order Pagato, e-mail queued); the browser has no answer yet. */
  "attempt.after-record",
  /** Return from the bank's hosted page or its notification: the bank said "paid", nothing recorded yet. */
  "attempt.confirm-before-record",
] as const;

export type FailpointName = (typeof failpointNames)[number];

/** The failpoint armed by this environment, if any. */
export function armedFailpoint(env: Record<string, string | undefined> = process.env): FailpointName | undefined {
  if (env.AREA_DEV_TOOLS !== "1") return undefined;
  const name = env.AREA_FAILPOINT?.trim();
  return failpointNames.find((n) => n === name);
}

const armed = armedFailpoint();

export function failpoint(name: FailpointName): void {
  if (armed !== name) return;
  process.stderr.write(`failpoint ${name}: SIGKILL (pid ${process.pid})\n`);
  process.kill(process.pid, "SIGKILL");
}
