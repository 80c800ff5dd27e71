import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { SupportRequestStatus } from "@/lib/db/generated/enums";

const tones = { OPEN: "warn", ANSWERED: "ok", CLOSED: "muted" } as const;

export async function RequestStatusBadge({ status }: { status: SupportRequestStatus }) {
  const t = await getTranslations("backoffice.status");
  return <Badge tone={tones[status]}>{t(status)}</Badge>;
}
