import { getFormatter, getTranslations } from "next-intl/server";
import { RenewalSwitch } from "@/components/services/renewal-switch";
import { RenewalBadge, ServiceStatusBadge } from "@/components/services/status-badges";
import { ButtonLink } from "@/components/ui/button";
import { Cell, Row, RowHeader, StackTable } from "@/components/ui/table";
import { withVat } from "@/lib/money";
import type { ServiceSummary } from "@/lib/services/queries";
import { renewalSwitchable } from "@/lib/services/renewal";

/** `renewalCard`: "Visa •••• 4242", the card the switches' confirmation names (null: none). */
export async function ServicesTable({ services, renewalCard }: { services: ServiceSummary[]; renewalCard: string | null }) {
  const [t, tHome, tSwitch, format] = await Promise.all([getTranslations("service"), getTranslations("home"), getTranslations("renewalSwitch"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const anyUnavailable = services.some((s) => s.renewal === "unavailable");
  return (
    <>
      <StackTable
        caption={tHome("title")}
        captionHidden
        columns={[{ label: t("product") }, { label: t("name") }, { label: t("status") }, { label: t("expiry") }, { label: t("renewal") }, { label: t("manage"), hidden: true }]}
      >
        {services.map((s) => (
          <Row key={s.id}>
            <Cell label={t("product")}>{s.product.name}</Cell>
            <RowHeader>{s.name}</RowHeader>
            <Cell label={t("status")}><ServiceStatusBadge status={s.status} /></Cell>
            <Cell label={t("expiry")}>{s.expiresAt ? format.dateTime(s.expiresAt, { dateStyle: "medium" }) : t("notYetActive")}</Cell>
            <Cell label={t("renewal")}>
              {renewalSwitchable(s) ? (
                <RenewalSwitch
                  serviceId={s.id}
                  serviceName={s.name}
                  on={s.renewal === "on"}
                  label={tSwitch("label", { name: s.name })}
                  renewalTotalCents={withVat(s.renewalPriceCents).totalCents}
                  card={renewalCard}
                  expiresOn={s.expiresAt ? day(s.expiresAt) : null}
                />
              ) : (
                <RenewalBadge state={s.renewal} />
              )}
            </Cell>
            <Cell>
              <ButtonLink href={`/servizi/${s.id}`} size="small" variant="secondary" aria-label={t("manageLabel", { name: s.name })}>
                {t("manage")}
              </ButtonLink>
            </Cell>
          </Row>
        ))}
      </StackTable>
      {anyUnavailable ? <p className="muted">{t("renewalUnavailableHelp")}</p> : null}
    </>
  );
}
