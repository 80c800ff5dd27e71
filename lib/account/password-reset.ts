import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { defineAllowance } from "@/lib/auth/allowance";
import { hashPassword } from "@/lib/auth/passwords";
import { clearLoginName } from "@/lib/auth/rate-limit";
import { revokeSessions } from "@/lib/auth/session-registry";
import { hashToken, isTokenShape, newToken } from "@/lib/auth/tokens";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email";
import { appLink } from "@/lib/security/app-url";
import { evenTime } from "@/lib/security/even-time";
import { AccountError } from "./errors";
import { recordSecurityChange, type Client } from "./notify";
import { lockCustomer, spendPendingLinks } from "./pending-links";
import { passwordResetInput, passwordResetRequestInput } from "./schemas";

export const RESET_TOKEN_TTL_MS = 30 * 60 * 1000;
/** Every request answers after this long, found or not (see evenTime). */
export const RESET_REQUEST_MIN_MS = 400;
// Per client address: the form can't be used to probe or flood in bulk. Per account: at most three
// links an hour reach one mailbox, whoever asks; beyond that a request is silently not sent, so the
// answer stays the same.
const requestsByAddress = defineAllowance({ keyPrefix: "reset:ip", points: 10, durationSeconds: 60 * 60 });
const requestsByAccount = defineAllowance({ keyPrefix: "reset:account", points: 3, durationSeconds: 60 * 60 });
const resetsByAddress = defineAllowance({ keyPrefix: "reset:use-ip", points: 20, durationSeconds: 60 * 60 });
/** One e-mail address may be registered on several accounts: each gets its own link, up to this many. */
const MAX_ACCOUNTS_PER_EMAIL = 5;

/**
 * "Password dimenticata?": for the account with this username, or each account with this
 * registered e-mail, a single-use link valid 30 minutes goes to the registered address. The
 * caller learns nothing either way: same answer, same time. Only requests that found an account
 * are audited (with the account), so random input leaves no trace.
 */
export async function requestPasswordReset(opts: { input: unknown } & Client): Promise<void> {
  const parsed = passwordResetRequestInput.safeParse(opts.input);
  if (!parsed.success) throw new AccountError("invalid_input");
  const login = parsed.data.login.toLowerCase();
  const byAddress = await requestsByAddress.consume(opts.ip ?? "unknown");
  if (!byAddress.allowed) throw new AccountError("rate_limited", byAddress.retryAfterSeconds);

  await evenTime(RESET_REQUEST_MIN_MS, async () => {
    const accounts = await db.customer.findMany({
      where: login.includes("@") ? { email: login } : { username: login },
      select: { id: true, username: true, displayName: true, email: true, locale: true },
      take: MAX_ACCOUNTS_PER_EMAIL,
      orderBy: { createdAt: "asc" },
    });
    for (const account of accounts) {
      if (!(await requestsByAccount.consume(account.id)).allowed) continue;
      const token = newToken();
      const at = now();
      const expiresAt = new Date(at.getTime() + RESET_TOKEN_TTL_MS);
      await db.$transaction(async (tx) => {
        // The registered address read under the account's lock: a new address being confirmed at
        // the same moment either comes first (the link goes to it) or spends this link.
        await lockCustomer(tx, account.id);
        const { email } = await tx.customer.findUniqueOrThrow({ where: { id: account.id }, select: { email: true } });
        account.email = email;
        await tx.accountToken.create({ data: { kind: "PASSWORD_RESET", tokenHash: hashToken(token), customerId: account.id, createdAt: at, expiresAt, ip: opts.ip, userAgent: opts.userAgent?.slice(0, 500) } });
        await writeAudit(tx, { actor: actorOf.anonymous, action: "account.password_reset_requested", entity: "customer", entityId: account.id, data: { by: login.includes("@") ? "email" : "username" }, ip: opts.ip, userAgent: opts.userAgent?.slice(0, 500) });
        await queueEmail(tx, {
          to: account.email,
          template: "password-reset",
          props: { name: account.displayName, username: account.username, resetUrl: appLink(`/password-dimenticata/${token}`), expiresAt: expiresAt.toISOString() },
          locale: account.locale,
        });
      });
    }
  });
}

/** Whether a reset link can still be used (the page says so before asking for a new password). */
export async function resetLinkIsValid(token: unknown): Promise<boolean> {
  if (!isTokenShape(token)) return false;
  const row = await db.accountToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { kind: true, usedAt: true, expiresAt: true } });
  return row !== null && row.kind === "PASSWORD_RESET" && row.usedAt === null && row.expiresAt > now();
}

/**
 * Sets the new password through a reset link. The link is spent by a conditional update (unused,
 * not expired), so it works once; the other links of the account (reset links, a pending e-mail
 * change, half-done logins) are spent with it, every session of the account is signed out, its
 * passkeys are removed (a reset is how an owner takes the account back: a passkey added by
 * whoever had the password and a session would otherwise still open it), and the change is
 * announced by e-mail, naming the passkeys removed.
 */
export async function resetPassword(opts: { input: unknown } & Client): Promise<void> {
  const parsed = passwordResetInput.safeParse(opts.input);
  if (!parsed.success) throw new AccountError(parsed.error.issues.some((i) => i.path[0] === "token") ? "invalid_token" : "invalid_input");
  const attempt = await resetsByAddress.consume(opts.ip ?? "unknown");
  if (!attempt.allowed) throw new AccountError("rate_limited", attempt.retryAfterSeconds);
  const passwordHash = await hashPassword(parsed.data.newPassword);
  const tokenHash = hashToken(parsed.data.token);

  const link = await db.accountToken.findUnique({ where: { tokenHash }, select: { customerId: true } });
  if (!link) throw new AccountError("invalid_token");
  const username = await db.$transaction(async (tx) => {
    await lockCustomer(tx, link.customerId);
    const at = now();
    const spent = await tx.accountToken.updateMany({ where: { tokenHash, kind: "PASSWORD_RESET", usedAt: null, expiresAt: { gt: at } }, data: { usedAt: at } });
    if (spent.count !== 1) throw new AccountError("invalid_token");
    const { customerId } = link;
    const linksSpent = await spendPendingLinks(tx, customerId, at);
    const customer = await tx.customer.update({ where: { id: customerId }, data: { passwordHash, passwordChangedAt: at }, select: { username: true } });
    const signedOut = await revokeSessions(tx, { owner: { customerId }, reason: "password-reset" });
    const passkeys = await tx.passkey.findMany({ where: { customerId }, select: { name: true }, orderBy: { createdAt: "asc" } });
    await tx.passkey.deleteMany({ where: { customerId } });
    const removed = passkeys.map((p) => p.name).join(", ");
    await recordSecurityChange(tx, { customerId }, "password-reset", { client: opts, actor: actorOf.anonymous, detail: removed || undefined, data: { sessionsSignedOut: signedOut, linksSpent, passkeysRemoved: passkeys.length } });
    return customer.username;
  });
  await clearLoginName(username);
}
