import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { InvoiceStatus } from "@/lib/db/generated/enums";

const tone = { UNPAID: "warn", PARTIALLY_PAID: "warn", PAID: "ok", REFUND_PENDING: "muted" } as const;

export async function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const t = await getTranslations("invoiceStatus");
  return <Badge tone={tone[status]}>{t(status)}</Badge>;
}
