import "server-only";
import { z } from "zod";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email";
import { defineAllowance } from "./allowance";
import { isStaffOwner, ownerEntity, ownerKey, type Owner } from "./owner";
import { verifyPasskeyAssertion } from "./passkeys";
import { spendRecoveryCode } from "./recovery-codes";
import { hashToken, newToken } from "./tokens";
import { verifyTotp } from "./totp";

/**
 * The second step of a login. The password step hands the browser a ticket (a random token; its
 * hash is a LoginTicket valid 5 minutes); the second step brings the ticket back with a code from
 * the authenticator app, a recovery code or a passkey. Each ticket takes five wrong answers; each
 * account ten in 15 minutes (then 15 minutes' block), counted before the answer is checked. The
 * block is reported to the owner (someone knows the password).
 */
export type SecondFactor = "totp" | "passkey";
export const TICKET_TTL_MS = 5 * 60 * 1000;
const MAX_TICKET_FAILURES = 5;
const SECOND_STEP_BLOCK_SECONDS = 15 * 60;
const secondStepAllowance = defineAllowance({ keyPrefix: "login:2fa", points: 10, durationSeconds: 15 * 60, blockSeconds: SECOND_STEP_BLOCK_SECONDS });

type TicketSubject = { kind: "ACCOUNT"; customerId: string } | { kind: "STAFF"; staffId: string };
const ownerOfSubject = (s: TicketSubject): Owner => (s.kind === "STAFF" ? { staffId: s.staffId } : { customerId: s.customerId });

/**
 * The second steps a password login asks for. The second step is on when the authenticator app
 * is (it comes with recovery codes, so a lost phone locks nobody out); a customer's passkey can
 * then answer it instead of the app's code. Passkeys alone add no step to the password login:
 * they are a way in without a password.
 */
export async function secondFactorsOf(owner: Owner): Promise<SecondFactor[]> {
  const totp = await db.totpFactor.count({ where: { ...owner, confirmedAt: { not: null } } });
  if (!totp) return [];
  const passkeys = "customerId" in owner ? await db.passkey.count({ where: { customerId: owner.customerId } }) : 0;
  return passkeys ? ["totp", "passkey"] : ["totp"];
}

export async function issueLoginTicket(subject: TicketSubject, client: { ip?: string; userAgent?: string }): Promise<string> {
  const token = newToken();
  const at = now();
  await db.loginTicket.create({
    data: { tokenHash: hashToken(token), kind: subject.kind, ...ownerOfSubject(subject), createdAt: at, expiresAt: new Date(at.getTime() + TICKET_TTL_MS), ip: client.ip, userAgent: client.userAgent?.slice(0, 500) },
  });
  return token;
}

export const secondStepInput = z.discriminatedUnion("method", [
  z.object({ method: z.literal("totp"), ticket: z.string().min(1).max(100), code: z.string().trim().min(6).max(10) }),
  z.object({ method: z.literal("recovery"), ticket: z.string().min(1).max(100), code: z.string().trim().min(10).max(20) }),
  z.object({ method: z.literal("passkey"), ticket: z.string().min(1).max(100), response: z.string().min(2).max(20_000) }),
]);

export type SecondStepResult =
  | { ok: true; subject: TicketSubject; method: "password+totp" | "password+recovery" | "password+passkey" }
  | { ok: false; error: "invalid_code" | "expired" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

/** Completes a login with the second step; the ticket is spent by the success (conditional update). */
export async function completeSecondStep(opts: { input: unknown; ip?: string; userAgent?: string }): Promise<SecondStepResult> {
  const parsed = secondStepInput.safeParse(opts.input);
  if (!parsed.success) return { ok: false, error: "invalid_code" };
  const input = parsed.data;
  const at = now();
  const ticket = await db.loginTicket.findUnique({ where: { tokenHash: hashToken(input.ticket) }, select: { id: true, kind: true, customerId: true, staffId: true, failures: true, usedAt: true, expiresAt: true } });
  if (!ticket || ticket.usedAt || ticket.expiresAt <= at || ticket.failures >= MAX_TICKET_FAILURES) return { ok: false, error: "expired" };
  const subject: TicketSubject = ticket.staffId ? { kind: "STAFF", staffId: ticket.staffId } : { kind: "ACCOUNT", customerId: ticket.customerId! };
  const owner = ownerOfSubject(subject);

  const allowance = await secondStepAllowance.consume(ownerKey(owner));
  if (!allowance.allowed) return { ok: false, error: "rate_limited", retryAfterSeconds: allowance.retryAfterSeconds };

  const valid =
    input.method === "totp" ? await verifyTotp(owner, input.code)
    : input.method === "recovery" ? await spendRecoveryCode(owner, input.code)
    : subject.kind === "ACCOUNT" && (await verifyPasskeyAssertion({ response: parseJson(input.response), purpose: "second-step", binding: ticket.id, customerId: subject.customerId })) !== null;

  const client = { ip: opts.ip, userAgent: opts.userAgent?.slice(0, 500) };
  if (!valid) {
    // This wrong answer used the account's last point: the block starts now, once per block.
    const blocks = allowance.consumed === secondStepAllowance.rule.points;
    await db.$transaction(async (tx) => {
      await tx.loginTicket.updateMany({ where: { id: ticket.id, usedAt: null }, data: { failures: { increment: 1 } } });
      await writeAudit(tx, { actor: actorOf.anonymous, action: "auth.second_step_failed", ...ownerEntity(owner), data: { method: input.method }, ...client });
      if (blocks) await reportSecondStepBlock(tx, owner, client);
    });
    return { ok: false, error: "invalid_code" };
  }
  const spent = await db.loginTicket.updateMany({ where: { id: ticket.id, usedAt: null, failures: { lt: MAX_TICKET_FAILURES } }, data: { usedAt: at } });
  if (spent.count !== 1) return { ok: false, error: "expired" };
  await secondStepAllowance.clear(ownerKey(owner));
  if (input.method === "recovery") {
    await db.$transaction((tx) => writeAudit(tx, { actor: ownerKey(owner), action: "auth.recovery_code_used", ...ownerEntity(owner), ...client }));
  }
  return { ok: true, subject, method: `password+${input.method}` };
}

/**
 * Every ticket came from the right password: a second step blocked after so many wrong answers
 * means someone knows it. The customer is told by e-mail; staff have no e-mail in the system, so
 * the back office shows it to them (StaffUser.secondStepBlockedAt) until they change the password.
 */
async function reportSecondStepBlock(tx: Tx, owner: Owner, client: { ip?: string; userAgent?: string }) {
  const at = now();
  const unlockAt = new Date(at.getTime() + SECOND_STEP_BLOCK_SECONDS * 1000).toISOString();
  await writeAudit(tx, { actor: actorOf.anonymous, action: "auth.second_step_blocked", ...ownerEntity(owner), data: { unlockAt }, ...client });
  if (isStaffOwner(owner)) {
    await tx.staffUser.update({ where: { id: owner.staffId }, data: { secondStepBlockedAt: at } });
    return;
  }
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: owner.customerId }, select: { displayName: true, email: true, locale: true } });
  await queueEmail(tx, { to: customer.email, template: "second-step-blocked", props: { name: customer.displayName, at: at.toISOString(), unlockAt }, locale: customer.locale });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The ticket's id, for binding a passkey challenge to it (the token itself never leaves the browser and this lookup). */
export async function ticketForPasskey(ticket: unknown): Promise<{ id: string; customerId: string } | null> {
  if (typeof ticket !== "string" || ticket.length > 100) return null;
  const row = await db.loginTicket.findUnique({ where: { tokenHash: hashToken(ticket) }, select: { id: true, customerId: true, usedAt: true, expiresAt: true, failures: true } });
  if (!row || !row.customerId || row.usedAt || row.expiresAt <= now() || row.failures >= MAX_TICKET_FAILURES) return null;
  return { id: row.id, customerId: row.customerId };
}
