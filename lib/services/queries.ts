import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { serviceScope } from "@/lib/customers/scope";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { cardLabel } from "@/lib/cards/queries";
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

export async function listServices(viewer: Viewer) {
  const rows = await db.service.findMany({
    where: serviceScope(viewer),
    select: serviceFields,
    orderBy: [{ expiresAt: "asc" }, { name: "asc" }],
  });
  return rows.map((s) => ({ ...s, renewal: renewalState(s) }));
}

export type ServiceSummary = Awaited<ReturnType<typeof listServices>>[number];

/** One service with its orders, or null when it isn't the viewer's (the page answers 404). */
export async function getServiceDetail(viewer: Viewer, serviceId: string) {
  if (!isUuid(serviceId)) return null;
  const service = await db.service.findFirst({
    where: { AND: [serviceScope(viewer), { id: serviceId }] },
    select: {
      ...serviceFields,
      orders: {
        select: { id: true, number: true, kind: true, status: true, totalCents: true, createdAt: true, paidAt: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  return service && { ...service, renewal: renewalState(service) };
}

export type ServiceDetail = NonNullable<Awaited<ReturnType<typeof getServiceDetail>>>;

/** "Visa •••• 4242": the card that would pay automatic renewals, named in the switch's confirmation. */
export async function getRenewalCardLabel(viewer: Viewer): Promise<string | null> {
  const customer = await db.customer.findUnique({
    where: { id: viewer.customerId },
    select: { renewalCard: { select: { brand: true, last4: true, removedAt: true } } },
  });
  const card = customer?.renewalCard;
  return card && !card.removedAt ? cardLabel(card) : null;
}
