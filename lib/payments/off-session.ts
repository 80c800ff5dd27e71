import "server-only";
import { activeKeyOf, createAttempts, isUniqueViolation, sendAttempt } from "@/lib/attempts";
import { actorOf, writeAudits } from "@/lib/audit";
import { cardValidUntil } from "@/lib/cards/expiry";
import { ceilingCovers, getRenewalCards } from "@/lib/cards/renewal-setup";
import { db, type Tx } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";
import { isPayable } from "@/lib/orders/state";
import { PaymentError } from "./errors";

export type OffSessionRefusal = "renewal_off" | "no_card" | "above_ceiling";
export type OffSessionResult =
  | { status: "SUCCEEDED" | "FAILED" | "OPEN"; paymentId: string; failureReason?: string }
  | { status: "REFUSED"; reason: OffSessionRefusal };

/** Bank calls in flight at once per batch: the bank answers in its own time, the database stays busy meanwhile. */
const SEND_CONCURRENCY = 4;
/**
 * Attempts opened together, then sent at once: one round of bank calls, so that no attempt waits
 * unsent behind others' slow answers (the janitor, and a customer paying by hand, end an attempt
 * left unsent past the core's IN_FLIGHT_GRACE_MS).
 */
const OPEN_CHUNK = SEND_CONCURRENCY;

type Opened =
  | { attemptId: string; customerId: string; number: string; cardToken: string }
  | { refused: OffSessionRefusal }
  | { error: PaymentError }
  | { failed: unknown };

/**
 * The renewal engine charges the renewal card with the customer absent (merchant-initiated, never
 * challenged). Under the order's and the customer's locks it checks again what allows the charge
 * (the service still renews automatically, the renewal card is still saved and valid at `at`, its
 * ceiling in force covers the amount), so a switch-off or a removal committed first is never
 * charged. A customer paying by hand at the same moment wins: this one gives way (`in_progress`).
 */
export async function startOffSessionPayment(opts: { orderId: string; at: Date }): Promise<OffSessionResult> {
  const [result] = await startOffSessionPayments({ orderIds: [opts.orderId], at: opts.at, stages: new Map() });
  if (result.status === "rejected") throw result.reason;
  return result.value;
}

/**
 * `startOffSessionPayment` for a batch of orders: the checks, the attempts (idempotency keys
 * included) and their payments are written in one transaction under every order's lock, then each
 * customer's (both in id order, orders first as every writer takes them), OPEN_CHUNK orders at a
 * time; the bank is called after each commit, a few charges at a time. `stages`: the renewal
 * engine's charge stage of each order, claimed in that same transaction by a conditional update
 * (`autoChargeStage` < stage; lost: another worker is on it, `in_progress`), so that a claim
 * lives exactly as long as the attempt it opens: a transaction that fails gives it back with
 * everything else. Answers each order in the order given: its result, a PaymentError when it is
 * not payable, another attempt holds it or its stage is taken, or the error of that order alone.
 */
export async function startOffSessionPayments(opts: { orderIds: string[]; at: Date; stages: Map<string, number> }): Promise<PromiseSettledResult<OffSessionResult>[]> {
  const out: PromiseSettledResult<OffSessionResult>[] = [];
  for (let i = 0; i < opts.orderIds.length; i += OPEN_CHUNK) {
    const chunk = opts.orderIds.slice(i, i + OPEN_CHUNK);
    const opened = await openAll(chunk, opts.at, opts.stages);
    out.push(...(await mapLimit(chunk, SEND_CONCURRENCY, (orderId) => send(opened.get(orderId)!))));
  }
  return out;
}

async function send(o: Opened): Promise<OffSessionResult> {
  if ("error" in o) throw o.error;
  if ("failed" in o) throw o.failed;
  if ("refused" in o) return { status: "REFUSED", reason: o.refused };
  const view = await sendAttempt(o.attemptId, { via: "saved-card", cardToken: o.cardToken, merchantCustomerRef: o.customerId, description: `Ordine ${o.number}`, initiator: "MIT" });
  const failureReason = view.status === "FAILED" ? (await db.attempt.findUniqueOrThrow({ where: { id: o.attemptId }, select: { failureReason: true } })).failureReason : null;
  return { status: view.status, paymentId: o.attemptId, ...(failureReason ? { failureReason } : {}) };
}

async function openAll(orderIds: string[], at: Date, stages: Map<string, number>): Promise<Map<string, Opened>> {
  try {
    return await db.$transaction((tx) => openUnderLocks(tx, orderIds, at, stages));
  } catch (error) {
    if (orderIds.length === 1) {
      // Another attempt took the order's key after all (it is checked under the lock): this one gives way.
      if (isUniqueViolation(error, "activeKey")) return new Map([[orderIds[0], { error: new PaymentError("in_progress") }]]);
      return new Map([[orderIds[0], { failed: error }]]);
    }
    // A key taken meanwhile, a deadlock, a timeout: one by one, each order answers for itself.
    const each = new Map<string, Opened>();
    for (const id of orderIds) for (const [k, v] of await openAll([id], at, stages)) each.set(k, v);
    return each;
  }
}

async function openUnderLocks(tx: Tx, orderIds: string[], at: Date, stages: Map<string, number>): Promise<Map<string, Opened>> {
  const result = new Map<string, Opened>();
  const ids = [...new Set(orderIds)].sort();
  const locked = await tx.$queryRaw<{ id: string; customerId: string; status: OrderStatus; totalCents: number }[]>`
    SELECT "id", "customerId", "status", "totalCents" FROM "Order" WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR NO KEY UPDATE`;
  const lockedById = new Map(locked.map((o) => [o.id, o]));
  for (const id of ids) {
    const o = lockedById.get(id);
    if (!o || !isPayable(o.status)) result.set(id, { error: new PaymentError(o?.status === "PAID" ? "already_paid" : "not_payable") });
  }
  let payable = locked.filter((o) => !result.has(o.id));
  if (payable.length === 0) return result;
  const customerIds = [...new Set(payable.map((o) => o.customerId))].sort();
  await tx.$queryRaw`SELECT "id" FROM "Customer" WHERE "id" = ANY(${customerIds}::uuid[]) ORDER BY "id" FOR NO KEY UPDATE`;

  // Every attempt at an order takes its key under the order's lock: what holds one now is in flight (a customer paying by hand).
  const holders = await tx.attempt.findMany({ where: { activeKey: { in: payable.map((o) => activeKeyOf.order(o.id)) } }, select: { id: true, activeKey: true } });
  for (const h of holders) result.set(h.activeKey!.slice("order:".length), { error: new PaymentError("in_progress", h.id) });
  payable = payable.filter((o) => !result.has(o.id));
  if (payable.length === 0) return result;

  const orders = new Map((await tx.order.findMany({ where: { id: { in: payable.map((o) => o.id) } }, select: { id: true, number: true, service: { select: { status: true, autoRenewal: true } } } })).map((o) => [o.id, o]));
  const setups = await getRenewalCards(tx, customerIds);
  const charged: { order: (typeof payable)[number]; number: string; cardId: string; cardToken: string }[] = [];
  // The engine's stages are taken whatever the checks below decide (one statement per stage), as
  // the engine counts them.
  const lost = new Set<string>();
  for (const stage of new Set(payable.flatMap((o) => (stages.has(o.id) ? [stages.get(o.id)!] : [])))) {
    const ids = payable.filter((o) => stages.get(o.id) === stage).map((o) => o.id);
    const won = new Set((await tx.order.updateManyAndReturn({ where: { id: { in: ids }, autoChargeStage: { lt: stage } }, data: { autoChargeStage: stage }, select: { id: true } })).map((o) => o.id));
    for (const id of ids) if (!won.has(id)) lost.add(id);
  }
  for (const o of payable) {
    if (lost.has(o.id)) {
      result.set(o.id, { error: new PaymentError("in_progress") });
      continue;
    }
    const { number, service } = orders.get(o.id)!;
    const setup = setups.get(o.customerId);
    const card = setup && cardValidUntil(setup.renewalCard) >= at ? setup.renewalCard : null;
    if (service?.status !== "ACTIVE" || !service.autoRenewal) result.set(o.id, { refused: "renewal_off" });
    else if (!card || !setup) result.set(o.id, { refused: "no_card" });
    else if (!ceilingCovers(setup, o.totalCents)) result.set(o.id, { refused: "above_ceiling" });
    else charged.push({ order: o, number, cardId: card.id, cardToken: card.gatewayToken });
  }
  if (charged.length === 0) return result;

  const attempts = await createAttempts(tx, charged.map((c) => ({ purpose: "ORDER", amountCents: c.order.totalCents, activeKey: activeKeyOf.order(c.order.id), offSession: true })));
  await tx.payment.createMany({ data: charged.map((c, i) => ({ id: attempts[i].id, orderId: c.order.id, customerId: c.order.customerId, method: "SAVED_CARD" as const, cardId: c.cardId })) });
  await writeAudits(tx, charged.map((c, i) => ({
    actor: actorOf.system, action: "payment.started", entity: "order", entityId: c.order.id,
    data: { paymentId: attempts[i].id, amountCents: c.order.totalCents, method: "SAVED_CARD", offSession: true },
  })));
  charged.forEach((c, i) => result.set(c.order.id, { attemptId: attempts[i].id, customerId: c.order.customerId, number: c.number, cardToken: c.cardToken }));
  return result;
}

/** Runs `fn` on every item, at most `limit` at a time; the outcomes in the items' order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const out: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      try {
        out[i] = { status: "fulfilled", value: await fn(items[i]) };
      } catch (reason) {
        out[i] = { status: "rejected", reason };
      }
    }
  }));
  return out;
}
