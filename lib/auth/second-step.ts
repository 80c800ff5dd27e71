import "server-only";
import { z } from "zod";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { defineAllowance } from "./allowance";
import { ownerEntity, ownerKey, type Owner } from "./owner";
import { verifyPasskeyAssertion } from "./passkeys";
import { spendRecoveryCode } from "./recovery-codes";
import { hashToken, newToken } from "./tokens";
import { verifyTotp } from "./totp";

/**
 * The second step of a login. The password step hands the browser a ticket (a random token; its
 * hash is a LoginTicket valid 5 minutes); the second step brings the ticket back with a code from
 * the authenticator app, a recovery code or a passkey. Each ticket takes five wrong answers; each
 * account ten in 15 minutes (then 15 minutes' block), counted before the answer is checked.
 */
export type SecondFactor = "totp" | "passkey";
export const TICKET_TTL_MS = 5 * 60 * 1000;
const MAX_TICKET_FAILURES = 5;
const secondStepAllowance = defineAllowance({ keyPrefix: "login:2fa", points: 10, durationSeconds: 15 * 60, blockSeconds: 15 * 60 });

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
    await db.$transaction(async (tx) => {
      await tx.loginTicket.updateMany({ where: { id: ticket.id, usedAt: null }, data: { failures: { increment: 1 } } });
      await writeAudit(tx, { actor: actorOf.anonymous, action: "auth.second_step_failed", ...ownerEntity(owner), data: { method: input.method }, ...client });
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
