import "server-only";
import { consumeAll, defineAllowance } from "./allowance";

// Failed logins, per login name and per client address. The allowance is consumed before the
// password is verified (see allowance.ts) and given back when the login succeeds, so only
// failures count, as before:
// - per login name: 5 attempts in 15 minutes; the next one blocks that name for 15 minutes;
// - per client address: 30 attempts in an hour; the next one blocks the address for an hour.
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_BLOCK_SECONDS = 15 * 60;
const byName = defineAllowance({ keyPrefix: "login:name", points: MAX_LOGIN_FAILURES, durationSeconds: 15 * 60, blockSeconds: LOGIN_BLOCK_SECONDS });
const byAddress = defineAllowance({ keyPrefix: "login:ip", points: 30, durationSeconds: 60 * 60, blockSeconds: 60 * 60 });

export type LoginAttempt =
  | { allowed: true; /** This attempt uses up the name's allowance: if it fails, the name is now blocked. */ lastForName: boolean }
  | { allowed: false; retryAfterSeconds: number };

/** Takes one attempt from the name's and the address's allowance, before the password is checked. */
export async function consumeLoginAttempt(loginName: string, ip: string): Promise<LoginAttempt> {
  const r = await consumeAll([[byName, loginName], [byAddress, ip]]);
  return r.allowed ? { allowed: true, lastForName: r.consumed[0] === MAX_LOGIN_FAILURES } : r;
}

/** A successful login: the name starts afresh and the address gets its attempt back. */
export async function settleLoginSuccess(loginName: string, ip: string) {
  await Promise.all([byName.clear(loginName), byAddress.refund(ip)]);
}

/** Logins that name nobody (a passkey): only the address's allowance applies. */
export async function consumeAddressAttempt(ip: string): Promise<LoginAttempt> {
  const r = await byAddress.consume(ip);
  return r.allowed ? { allowed: true, lastForName: false } : r;
}

export async function settleAddressSuccess(ip: string) {
  await byAddress.refund(ip);
}

/** A password reset proves the owner: the name's failed attempts are forgotten. */
export async function clearLoginName(loginName: string) {
  await byName.clear(loginName);
}
