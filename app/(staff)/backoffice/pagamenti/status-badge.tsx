import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { InvoiceStatus, PaymentStatus } from "@/lib/db/generated/enums";

const invoiceTones = { UNPAID: "warn", PARTIALLY_PAID: "warn", PAID: "ok", REFUND_PENDING: "muted" } as const;
const paymentTones = { CREATED: "muted", SENT: "muted", REQUIRES_ACTION: "muted", SUCCEEDED: "ok", FAILED: "danger" } as const;

export async function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const t = await getTranslations("backoffice.invoiceStatus");
  return <Badge tone={invoiceTones[status]}>{t(status)}</Badge>;
}

export async function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const t = await getTranslations("backoffice.paymentStatus");
  return <Badge tone={paymentTones[status]}>{t(status)}</Badge>;
}
