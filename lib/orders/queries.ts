import "server-only";
import { cache } from "react";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/session";
import { orderScope } from "@/lib/customers/scope";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";

export const orderStatuses = ["AWAITING_PAYMENT", "PAID", "CANCELLED"] as const;
export type OrderStatusName = (typeof orderStatuses)[number];

/** The orders page's query string: `?stato=` is optional, anything unknown is reported. */
export const orderFilterInput = z.object({ stato: z.enum(orderStatuses).optional() });

export async function listOrders(viewer: Viewer, filter: { status?: OrderStatusName } = {}) {
  return db.order.findMany({
    where: { AND: [orderScope(viewer), filter.status ? { status: filter.status } : {}] },
    select: {
      id: true,
      number: true,
      kind: true,
      status: true,
      totalCents: true,
      createdAt: true,
      paidAt: true,
      service: { select: { id: true, name: true, product: { select: { name: true } } } },
      items: { select: { description: true }, take: 1 },
    },
    orderBy: { createdAt: "desc" },
  });
}

export type OrderRow = Awaited<ReturnType<typeof listOrders>>[number];

export async function countAwaitingOrders(viewer: Viewer): Promise<number> {
  return db.order.count({ where: awaitingOrdersWhere(viewer) });
}

export function awaitingOrdersWhere(viewer: Viewer) {
  return { AND: [orderScope(viewer), { status: "AWAITING_PAYMENT" as const }] };
}

/** One order with its items, or null when it isn't the viewer's (the page answers 404). Cached per request: the title asks too. */
export const getOrderDetail = cache(async (viewer: Viewer, orderId: string) => {
  if (!isUuid(orderId)) return null;
  return db.order.findFirst({
    where: { AND: [orderScope(viewer), { id: orderId }] },
    select: {
      id: true,
      number: true,
      kind: true,
      status: true,
      netCents: true,
      vatCents: true,
      totalCents: true,
      createdAt: true,
      paidAt: true,
      service: { select: { id: true, name: true, product: { select: { name: true, autoRenewalAvailable: true } } } },
      items: { select: { id: true, description: true, quantity: true, netCents: true, vatCents: true, totalCents: true } },
    },
  });
});

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderDetail>>>;
