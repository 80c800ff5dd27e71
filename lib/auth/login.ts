import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email";
import { now } from "@/lib/clock";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import { accountLoginInput, pecLoginInput } from "./schemas";
import { consumeLoginAttempt, LOGIN_BLOCK_SECONDS, settleLoginSuccess } from "./rate-limit";
import { issueLoginTicket, secondFactorsOf, type SecondFactor } from "./second-step";


export type LoginMethod = "account" | "pec";
export type AuthenticatedCustomer = { customerId: string; username: string; pecServiceId?: string };
export type LoginResult =
  /** With `secondStep` the password was right but the account asks for its second step too (PEC logins never do). */
  | { ok: true; customer: AuthenticatedCustomer; secondStep?: { ticket: string; factors: SecondFactor[] } }
  | { ok: false; error: "invalid_credentials" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

type Principal = { customerId: string; username: string; email: string; displayName: string; locale: "it" | "en"; passwordHash: string; pecServiceId?: string };

async function findPrincipal(method: LoginMethod, login: string): Promise<Principal | null> {
  const customerFields = { id: true, username: true, email: true, displayName: true, locale: true, passwordHash: true } as const;
  if (method === "account") {
    const c = await db.customer.findUnique({ where: { username: login.toLowerCase() }, select: customerFields });
    return c && { ...c, customerId: c.id };
  }
  const box = await db.pecMailbox.findUnique({
    where: { address: login.toLowerCase() },
    select: { passwordHash: true, serviceId: true, service: { select: { customer: { select: customerFields } } } },
  });
  if (!box) return null;
  const c = box.service.customer;
  return { ...c, customerId: c.id, passwordHash: box.passwordHash, pecServiceId: box.serviceId };
}

/**
 * Checks a username (or PEC address) and password. Every failure looks the same to the caller;
 * repeated failures for one login name or one address are blocked for a while, and the owner of
 * a real account is told by e-mail when that happens.
 */
export async function authenticateCustomer(opts: {
  method: LoginMethod;
  credentials: unknown;
  ip: string;
  userAgent?: string;
}): Promise<LoginResult> {
  const parsed =
    opts.method === "account"
      ? accountLoginInput.safeParse(opts.credentials)
      : pecLoginInput.safeParse(opts.credentials);
  if (!parsed.success) return { ok: false, error: "invalid_credentials" };
  const login = "username" in parsed.data ? parsed.data.username : parsed.data.address;
  const password = parsed.data.password;

  // The attempt is counted before the password is verified (defect 5 of issue 11).
  const attempt = await consumeLoginAttempt(login, opts.ip);
  if (!attempt.allowed) return { ok: false, error: "rate_limited", retryAfterSeconds: attempt.retryAfterSeconds };

  const principal = await findPrincipal(opts.method, login);
  const valid = principal ? await verifyPassword(principal.passwordHash, password) : (await burnPasswordCheck(password), false);

  if (!principal || !valid) {
    if (principal && attempt.lastForName) await reportLockout(principal, opts);
    return { ok: false, error: "invalid_credentials" };
  }

  await settleLoginSuccess(login, opts.ip);
  const customer = { customerId: principal.customerId, username: principal.username, pecServiceId: principal.pecServiceId };
  // The account's second step guards the account login. A PEC mailbox's password opens that
  // mailbox only (its renewal); it is the mailbox's credential and has no second step of its own.
  const factors = opts.method === "account" ? await secondFactorsOf({ customerId: principal.customerId }) : [];
  if (factors.length > 0) {
    const ticket = await issueLoginTicket({ kind: "ACCOUNT", customerId: principal.customerId }, opts);
    return { ok: true, customer, secondStep: { ticket, factors } };
  }
  await auditLogin(principal.customerId, { method: opts.method }, opts);
  return { ok: true, customer };
}

async function reportLockout(principal: Principal, opts: { method: LoginMethod; ip: string; userAgent?: string }) {
  const unlockAt = new Date(now().getTime() + LOGIN_BLOCK_SECONDS * 1000).toISOString();
  await db.$transaction(async (tx) => {
    await writeAudit(tx, {
      actor: actorOf.anonymous,
      action: "auth.locked",
      entity: "customer",
      entityId: principal.customerId,
      data: { method: opts.method, unlockAt },
      ip: opts.ip,
      userAgent: opts.userAgent,
    });
    await queueEmail(tx, {
      to: principal.email,
      template: "login-locked",
      props: { name: principal.displayName, unlockAt },
      locale: principal.locale,
    });
  });
}

/** "auth.login": a customer's session opened (after the second step, when there is one). */
export async function auditLogin(customerId: string, data: { method: string }, client: { ip?: string; userAgent?: string }) {
  await db.$transaction((tx) =>
    writeAudit(tx, { actor: actorOf.customer(customerId), action: "auth.login", entity: "customer", entityId: customerId, data, ip: client.ip, userAgent: client.userAgent?.slice(0, 500) }),
  );
}
