import "server-only";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/session";
import { orderScope, serviceScope } from "@/lib/customers/scope";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { cardLabel } from "@/lib/cards/queries";
import { awaitingOrdersWhere } from "@/lib/orders/queries";
import { renewalState } from "./renewal";

const serviceFields = {
  id: true,
  name: true,
  status: true,
  activatedAt: true,
  expiresAt: true,
  autoRenewal: true,
  renewalPriceCents: true,
  productCode: true,
  product: { select: { name: true, autoRenewalAvailable: true } },
} as const;

const serviceOrder = [{ expiresAt: "asc" }, { name: "asc" }] as const;
const renewalCardFields = { select: { brand: true, last4: true, removedAt: true } } as const;

/** listFailedRenewals (lib/renewals/queries.ts) nested under the customer; lib/customers/scope.test.ts keeps the two equal. */
function failedRenewals(viewer: Viewer) {
  return {
    where: { AND: [orderScope(viewer), { renewalKey: { not: null }, status: "AWAITING_PAYMENT" as const, autoChargeStage: { gt: 0 } }] },
    select: { id: true, number: true, totalCents: true, service: { select: { name: true, expiresAt: true } } },
    orderBy: { createdAt: "asc" as const },
  };
}

export async function listServices(viewer: Viewer) {
  const rows = await db.service.findMany({ where: serviceScope(viewer), select: serviceFields, orderBy: [...serviceOrder] });
  return rows.map((s) => ({ ...s, renewal: renewalState(s) }));
}

export type ServiceSummary = Awaited<ReturnType<typeof listServices>>[number];

/**
 * Everything "I miei servizi" shows, in one query (one SQL statement: relations are joined): the
 * heading, the services, the orders awaiting payment, the renewals that could not be charged, and
 * the renewal card the switches name. The same filters as listServices, countAwaitingOrders and
 * listFailedRenewals, nested under the viewer's customer.
 */
export async function getHomeOverview(viewer: Viewer) {
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: viewer.customerId },
    select: {
      displayName: true,
      customerCode: true,
      renewalCard: renewalCardFields,
      services: { where: serviceScope(viewer), select: serviceFields, orderBy: [...serviceOrder] },
      orders: failedRenewals(viewer),
      _count: { select: { orders: { where: awaitingOrdersWhere(viewer) } } },
    },
  });
  const card = customer.renewalCard;
  return {
    displayName: customer.displayName,
    customerCode: customer.customerCode,
    services: customer.services.map((s) => ({ ...s, renewal: renewalState(s) })),
    awaitingOrders: customer._count.orders,
    failedRenewals: customer.orders,
    renewalCard: card && !card.removedAt ? cardLabel(card) : null,
  };
}

/**
 * One service with its orders and the customer's renewal card (named by the switch), or null when
 * it isn't the viewer's (the page answers 404). Cached per request: the page's title asks too.
 */
export const getServiceDetail = cache(async (viewer: Viewer, serviceId: string) => {
  if (!isUuid(serviceId)) return null;
  const service = await db.service.findFirst({
    where: { AND: [serviceScope(viewer), { id: serviceId }] },
    select: {
      ...serviceFields,
      orders: {
        select: { id: true, number: true, kind: true, status: true, totalCents: true, createdAt: true, paidAt: true },
        orderBy: { createdAt: "desc" },
      },
      customer: { select: { renewalCard: renewalCardFields } },
    },
  });
  if (!service) return null;
  const { customer, ...rest } = service;
  const card = customer.renewalCard;
  return { ...rest, renewal: renewalState(service), renewalCard: card && !card.removedAt ? cardLabel(card) : null };
});

export type ServiceDetail = NonNullable<Awaited<ReturnType<typeof getServiceDetail>>>;
