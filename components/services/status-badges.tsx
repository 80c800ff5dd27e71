import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { RenewalState } from "@/lib/services/renewal";

const serviceTone = { PENDING: "warn", ACTIVE: "ok", EXPIRED: "danger", SUSPENDED: "muted" } as const;
const renewalTone = { on: "ok", off: "warn", unavailable: "muted" } as const;

export async function ServiceStatusBadge({ status }: { status: keyof typeof serviceTone }) {
  const t = await getTranslations("serviceStatus");
  return <Badge tone={serviceTone[status]}>{t(status)}</Badge>;
}

export async function RenewalBadge({ state }: { state: RenewalState }) {
  const t = await getTranslations("renewal");
  return <Badge tone={renewalTone[state]}>{t(state)}</Badge>;
}
