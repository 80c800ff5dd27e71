import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { defineAllowance } from "@/lib/auth/allowance";
import { hashToken, isTokenShape, newToken } from "@/lib/auth/tokens";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email";
import { appLink } from "@/lib/security/app-url";
import { AccountError } from "./errors";
import type { Client } from "./notify";
import { lockCustomer, spendPendingLinks } from "./pending-links";
import { confirmPassword, consumeChangeAllowance } from "./reauth";
import { emailChangeInput } from "./schemas";

/**
 * The registered e-mail (Customer.email: where Lista Pagamenti, notices and receipts go) changes
 * only when the new address confirms it: a single-use link to the new address (valid 24 hours),
 * a notice to the old one when the change is asked for (with a link that cancels it) and again
 * when it is done.
 */
export const EMAIL_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const confirmationsByAddress = defineAllowance({ keyPrefix: "email-confirm:ip", points: 20, durationSeconds: 60 * 60 });

export async function requestEmailChange(opts: { customerId: string; input: unknown; client?: Client }): Promise<{ newEmail: string }> {
  const parsed = emailChangeInput.safeParse(opts.input);
  if (!parsed.success) throw new AccountError("invalid_input");
  const owner = { customerId: opts.customerId };
  await confirmPassword(owner, parsed.data.currentPassword);
  await consumeChangeAllowance(owner);
  const customer = await db.customer.findUniqueOrThrow({ where: { id: opts.customerId }, select: { email: true, displayName: true, locale: true } });
  const newEmail = parsed.data.newEmail;
  if (newEmail === customer.email.toLowerCase()) throw new AccountError("same_email");

  const token = newToken();
  const cancelToken = newToken();
  const at = now();
  const expiresAt = new Date(at.getTime() + EMAIL_TOKEN_TTL_MS);
  const client = { ip: opts.client?.ip, userAgent: opts.client?.userAgent?.slice(0, 500) };
  await db.$transaction(async (tx) => {
    // One change pending at a time: an earlier link stops working. The customer's row lock makes
    // concurrent requests take turns, so that each spends the one before (two would otherwise
    // each find nothing to spend and both stay live).
    await lockCustomer(tx, opts.customerId);
    await tx.accountToken.updateMany({ where: { customerId: opts.customerId, kind: "EMAIL_CHANGE", usedAt: null }, data: { usedAt: at } });
    await tx.accountToken.create({ data: { kind: "EMAIL_CHANGE", tokenHash: hashToken(token), cancelTokenHash: hashToken(cancelToken), customerId: opts.customerId, email: newEmail, createdAt: at, expiresAt, ...client } });
    await writeAudit(tx, { actor: actorOf.customer(opts.customerId), action: "account.email_change_requested", entity: "customer", entityId: opts.customerId, data: { from: customer.email, to: newEmail }, ...client });
    await queueEmail(tx, { to: newEmail, template: "email-change-confirm", props: { name: customer.displayName, newEmail, confirmUrl: appLink(`/conferma-email/${token}`), expiresAt: expiresAt.toISOString() }, locale: customer.locale });
    await queueEmail(tx, { to: customer.email, template: "email-change-notice", props: { name: customer.displayName, newEmail, stage: "requested", at: at.toISOString(), cancelUrl: appLink(`/annulla-email/${cancelToken}`) }, locale: customer.locale });
  });
  return { newEmail };
}

/** The change waiting for its confirmation, if any (shown on Il mio account). */
export async function pendingEmailChange(customerId: string): Promise<{ email: string; expiresAt: Date } | null> {
  const row = await db.accountToken.findFirst({ where: { customerId, kind: "EMAIL_CHANGE", usedAt: null, expiresAt: { gt: now() } }, select: { email: true, expiresAt: true }, orderBy: { createdAt: "desc" } });
  return row?.email ? { email: row.email, expiresAt: row.expiresAt } : null;
}

/**
 * The link from the new address, with the account's password: whoever reads the new mailbox (a
 * mistyped address, a shared one) can't take the account's notices, receipts and reset links
 * with the link alone; the password is throttled per account (confirmPassword). A session of the
 * account is not asked for: the link is often opened on another device (a phone's mail app).
 * The link is spent by a conditional update, then Customer.email is the new address and the
 * account's other links are spent: a reset link sent to the old address (whoever still reads it)
 * must not outlive the move. A link asked for before the account's last password change or reset
 * is refused (every recovery step spends it too, lib/account/pending-links.ts; this holds
 * whatever the timing).
 */
export async function confirmEmailChange(opts: { token: unknown; currentPassword?: unknown; client?: Client }): Promise<{ email: string }> {
  if (!isTokenShape(opts.token)) throw new AccountError("invalid_token");
  const attempt = await confirmationsByAddress.consume(opts.client?.ip ?? "unknown");
  if (!attempt.allowed) throw new AccountError("rate_limited", attempt.retryAfterSeconds);
  const tokenHash = hashToken(opts.token);
  const link = await db.accountToken.findUnique({ where: { tokenHash }, select: { kind: true, customerId: true, usedAt: true, expiresAt: true } });
  if (!link || link.kind !== "EMAIL_CHANGE" || link.usedAt || link.expiresAt <= now()) throw new AccountError("invalid_token");
  await confirmPassword({ customerId: link.customerId }, opts.currentPassword);
  const client = { ip: opts.client?.ip, userAgent: opts.client?.userAgent?.slice(0, 500) };
  return db.$transaction(async (tx) => {
    await lockCustomer(tx, link.customerId);
    const at = now();
    const spent = await tx.accountToken.updateMany({ where: { tokenHash, kind: "EMAIL_CHANGE", usedAt: null, expiresAt: { gt: at } }, data: { usedAt: at } });
    if (spent.count !== 1) throw new AccountError("invalid_token");
    const { customerId, email, createdAt } = await tx.accountToken.findUniqueOrThrow({ where: { tokenHash }, select: { customerId: true, email: true, createdAt: true } });
    const before = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { email: true, displayName: true, locale: true, passwordChangedAt: true } });
    if (before.passwordChangedAt && createdAt < before.passwordChangedAt) throw new AccountError("invalid_token");
    await tx.customer.update({ where: { id: customerId }, data: { email: email! } });
    await spendPendingLinks(tx, customerId, at);
    await writeAudit(tx, { actor: actorOf.anonymous, action: "account.email_changed", entity: "customer", entityId: customerId, data: { from: before.email, to: email }, ...client });
    await queueEmail(tx, { to: before.email, template: "email-change-notice", props: { name: before.displayName, newEmail: email!, stage: "confirmed", at: at.toISOString() }, locale: before.locale });
    return { email: email! };
  });
}

/**
 * "Annulla la modifica", the link in the notice to the old address: no session needed (the owner
 * may have lost it), a button on the page (a mail scanner opening the link cancels nothing).
 */
export async function cancelEmailChangeByLink(opts: { token: unknown; client?: Client }): Promise<{ email: string }> {
  if (!isTokenShape(opts.token)) throw new AccountError("invalid_token");
  const attempt = await confirmationsByAddress.consume(opts.client?.ip ?? "unknown");
  if (!attempt.allowed) throw new AccountError("rate_limited", attempt.retryAfterSeconds);
  const cancelTokenHash = hashToken(opts.token);
  const client = { ip: opts.client?.ip, userAgent: opts.client?.userAgent?.slice(0, 500) };
  return db.$transaction(async (tx) => {
    const at = now();
    const spent = await tx.accountToken.updateMany({ where: { cancelTokenHash, kind: "EMAIL_CHANGE", usedAt: null, expiresAt: { gt: at } }, data: { usedAt: at } });
    if (spent.count !== 1) throw new AccountError("invalid_token");
    const { customerId, email } = await tx.accountToken.findUniqueOrThrow({ where: { cancelTokenHash }, select: { customerId: true, email: true } });
    await writeAudit(tx, { actor: actorOf.anonymous, action: "account.email_change_cancelled", entity: "customer", entityId: customerId, data: { email, via: "notice" }, ...client });
    return { email: email! };
  });
}

/** "Annulla la modifica" on Il mio account: the pending change, if any, is over. */
export async function cancelPendingEmailChange(opts: { customerId: string; client?: Client }): Promise<{ cancelled: boolean }> {
  await consumeChangeAllowance({ customerId: opts.customerId });
  const client = { ip: opts.client?.ip, userAgent: opts.client?.userAgent?.slice(0, 500) };
  return db.$transaction(async (tx) => {
    const spent = await tx.accountToken.updateMany({ where: { customerId: opts.customerId, kind: "EMAIL_CHANGE", usedAt: null }, data: { usedAt: now() } });
    if (spent.count) await writeAudit(tx, { actor: actorOf.customer(opts.customerId), action: "account.email_change_cancelled", entity: "customer", entityId: opts.customerId, data: { via: "account" }, ...client });
    return { cancelled: spent.count > 0 };
  });
}
