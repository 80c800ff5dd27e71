import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { lockCustomerCards } from "@/lib/cards/lock";
import { cardLabel } from "@/lib/cards/queries";
import { ceilingCovers, getRenewalSetup, recordCeilingConsent } from "@/lib/cards/renewal-setup";
import { serviceScope } from "@/lib/customers/scope";
import { db, type Tx } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { queueEmail } from "@/lib/email";
import { withVat } from "@/lib/money";
import { ceilingAmountCents } from "@/lib/payments/ceiling";

export type RenewalSwitchErrorCode = "not_found" | "unavailable" | "not_active" | "no_card" | "ceiling_consent_required" | "account_login_required";

/** Expected refusals of the switch; the page turns each code into a message (messages "renewalSwitch.errors"). */
export class RenewalSwitchError extends Error {
  constructor(
    readonly code: RenewalSwitchErrorCode,
    /** With ceiling_consent_required: the importo massimo prelevabile to authorise, and the card it binds. */
    readonly ceiling?: { amountCents: number; card: string },
  ) {
    super(code);
    this.name = "RenewalSwitchError";
  }
}

/** `changed` is false when the switch was already in the requested position (a double click). */
export type RenewalSwitchResult = { changed: boolean };

type Client = { ip?: string; userAgent?: string };

const switchFields = {
  id: true, customerId: true, name: true, status: true, expiresAt: true, autoRenewal: true, renewalPriceCents: true,
  product: { select: { name: true, autoRenewalAvailable: true, renewalActivationEmail: true } },
} as const;

async function findSwitchable(tx: Tx, viewer: Viewer, serviceId: string) {
  if (!isUuid(serviceId)) throw new RenewalSwitchError("not_found");
  const service = await tx.service.findFirst({ where: { AND: [serviceScope(viewer), { id: serviceId }] }, select: switchFields });
  if (!service) throw new RenewalSwitchError("not_found");
  if (!service.product.autoRenewalAvailable) throw new RenewalSwitchError("unavailable");
  return service;
}

/**
 * Turns automatic renewal on for one ACTIVE service of the viewer. Needs the renewal card and a
 * ceiling in force that covers the renewal price, VAT included; otherwise the customer must
 * consent to a new ceiling (`ceilingConsent`), recorded in the same transaction as the switch. A
 * PEC mailbox's login gives no consent for the account's card: it can turn its mailbox's renewal
 * on only within the ceiling the holder already authorised.
 */
export async function turnOnRenewal(opts: { viewer: Viewer; serviceId: string; ceilingConsent: boolean } & Client): Promise<RenewalSwitchResult> {
  const customerId = opts.viewer.customerId;
  return db.$transaction(async (tx) => {
    await lockCustomerCards(tx, customerId); // same lock order as card changes (no deadlock)
    const service = await findSwitchable(tx, opts.viewer, opts.serviceId);
    if (service.status !== "ACTIVE") throw new RenewalSwitchError("not_active");
    // The conditional update takes the row lock first: a second click waits, then finds it on.
    const moved = await tx.service.updateMany({ where: { id: service.id, customerId, status: "ACTIVE", autoRenewal: false }, data: { autoRenewal: true } });
    if (moved.count === 0) return { changed: false };

    const setup = await getRenewalSetup(customerId, tx);
    const card = setup.renewalCard;
    if (!card) throw new RenewalSwitchError("no_card");
    const renewalTotalCents = withVat(service.renewalPriceCents).totalCents;
    if (!ceilingCovers(setup, renewalTotalCents)) {
      // `renewing` was read after the update, so it already counts this service.
      const amountCents = ceilingAmountCents(setup.renewing, [service.id]);
      if (opts.viewer.pecServiceId) throw new RenewalSwitchError("account_login_required");
      if (!opts.ceilingConsent) throw new RenewalSwitchError("ceiling_consent_required", { amountCents, card: cardLabel(card) });
      await recordCeilingConsent(tx, { customerId, amountCents, cardId: card.id, ip: opts.ip, userAgent: opts.userAgent });
    }

    await writeAudit(tx, {
      actor: actorOf.customer(customerId), action: "renewal.on", entity: "service", entityId: service.id,
      data: { cardId: card.id, renewalTotalCents }, ip: opts.ip, userAgent: opts.userAgent,
    });
    if (service.product.renewalActivationEmail && service.expiresAt) {
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { displayName: true, email: true, locale: true } });
      await queueEmail(tx, {
        to: customer.email, locale: customer.locale, template: "renewal-activated",
        props: { name: customer.displayName, serviceName: service.name, productName: service.product.name, card: cardLabel(card), nextRenewalAt: service.expiresAt.toISOString(), renewalTotalCents },
      });
    }
    return { changed: true };
  });
}

/** Turns automatic renewal off for one service of the viewer; the customer gets an e-mail. */
export async function turnOffRenewal(opts: { viewer: Viewer; serviceId: string } & Client): Promise<RenewalSwitchResult> {
  const customerId = opts.viewer.customerId;
  return db.$transaction(async (tx) => {
    await lockCustomerCards(tx, customerId); // same lock order as card changes (no deadlock)
    const service = await findSwitchable(tx, opts.viewer, opts.serviceId);
    const count = await switchOffRenewals(tx, { customerId, serviceIds: [service.id], actor: actorOf.customer(customerId), ip: opts.ip, userAgent: opts.userAgent });
    return { changed: count > 0 };
  });
}

/**
 * Turns off automatic renewal of a customer's services (all, or those listed), each with a
 * conditional update so that only the call that actually changes a service audits it and queues
 * the `renewal-deactivated` e-mail. Runs inside the caller's transaction (e.g. removing the card
 * behind the renewals). Returns how many services were turned off.
 */
export async function switchOffRenewals(
  tx: Tx,
  opts: { customerId: string; serviceIds?: string[]; actor: string; ip?: string; userAgent?: string },
): Promise<number> {
  const services = await tx.service.findMany({
    where: { customerId: opts.customerId, autoRenewal: true, ...(opts.serviceIds ? { id: { in: opts.serviceIds } } : {}) },
    select: { id: true, name: true, expiresAt: true, product: { select: { name: true, autoRenewalAvailable: true } } },
    orderBy: { name: "asc" },
  });
  if (services.length === 0) return 0;
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: opts.customerId }, select: { displayName: true, email: true, locale: true } });
  let count = 0;
  for (const service of services) {
    const moved = await tx.service.updateMany({ where: { id: service.id, customerId: opts.customerId, autoRenewal: true }, data: { autoRenewal: false } });
    if (moved.count === 0) continue;
    count++;
    await writeAudit(tx, { actor: opts.actor, action: "renewal.off", entity: "service", entityId: service.id, data: {}, ip: opts.ip, userAgent: opts.userAgent });
    // A product without automatic renewal never told the customer it renewed: nothing to announce.
    if (!service.product.autoRenewalAvailable) continue;
    await queueEmail(tx, {
      to: customer.email, locale: customer.locale, template: "renewal-deactivated",
      props: { name: customer.displayName, serviceName: service.name, productName: service.product.name, expiresAt: service.expiresAt?.toISOString() ?? null },
    });
  }
  return count;
}
