import { getFormatter, getTranslations } from "next-intl/server";
import { RenewalSwitch } from "@/components/services/renewal-switch";
import { RenewalBadge, ServiceStatusBadge } from "@/components/services/status-badges";
import { ButtonLink } from "@/components/ui/button";
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
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{tHome("title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("product")}</th>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("expiry")}</th>
              <th scope="col">{t("renewal")}</th>
              <th scope="col"><span className="visually-hidden">{t("manage")}</span></th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id}>
                <td>{s.product.name}</td>
                <th scope="row">{s.name}</th>
                <td><ServiceStatusBadge status={s.status} /></td>
                <td>{s.expiresAt ? format.dateTime(s.expiresAt, { dateStyle: "medium" }) : t("notYetActive")}</td>
                <td>
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
                </td>
                <td>
                  <ButtonLink href={`/servizi/${s.id}`} size="small" variant="secondary" aria-label={t("manageLabel", { name: s.name })}>
                    {t("manage")}
                  </ButtonLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {anyUnavailable ? <p className="muted">{t("renewalUnavailableHelp")}</p> : null}
    </>
  );
}
