import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { OrderStatusName } from "@/lib/orders/queries";

const tone = { AWAITING_PAYMENT: "warn", PAID: "ok", CANCELLED: "muted" } as const;

export async function OrderStatusBadge({ status }: { status: OrderStatusName }) {
  const t = await getTranslations("orderStatus");
  return <Badge tone={tone[status]}>{t(status)}</Badge>;
}
