import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PasswordChangeForm } from "@/components/account/password-forms";
import { SessionsList } from "@/components/account/sessions-list";
import { getAccountOverview } from "@/lib/account/overview";
import { requireViewer } from "@/lib/auth/session";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { changePasswordAction, signOutEverywhereAction, signOutSessionAction } from "./actions";
import { BillingForm } from "./billing-form";
import { EmailSection } from "./email-section";
import { PasskeysSection } from "./passkeys-section";
import { sessionRows } from "@/components/account/session-rows";
import { TwoFactorSection } from "./two-factor-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function MyAccountPage() {
  const viewer = await requireViewer();
  const [t, format, overview] = await Promise.all([getTranslations("account"), getFormatter(), getAccountOverview(viewer)]);
  const sessions = (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("sessions.title")}</h2>
      <p className="muted">{overview.kind === "pec" ? t("sessions.introPec") : t("sessions.intro")}</p>
      <SessionsList sessions={await sessionRows(overview.sessions)} signOutOne={signOutSessionAction} signOutAll={signOutEverywhereAction} loginPath="/login" />
    </section>
  );

  if (overview.kind === "pec") {
    // Only the sessions' texts reach the browser: nothing of the account's forms.
    return (
      <ClientMessages namespaces={["accountForms"]}>
        <h1>{t("title")}</h1>
        <section className="card" aria-labelledby="pec-title">
          <h2 id="pec-title">{t("pec.title", { address: overview.pecAddress })}</h2>
          <p>{t("pec.scope")}</p>
          <p>{t("pec.password")}</p>
        </section>
        {sessions}
      </ClientMessages>
    );
  }

  const { customer } = overview;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <ClientMessages namespaces={["account", "accountForms"]}>
      <h1>{t("title")}</h1>
      <section className="card" aria-labelledby="registered-title">
        <h2 id="registered-title">{t("registered.title")}</h2>
        <dl className="details">
          <dt>{t("registered.name")}</dt>
          <dd>{customer.displayName}</dd>
          <dt>{t("registered.customerCode")}</dt>
          <dd>{customer.customerCode}</dd>
          <dt>{t("registered.username")}</dt>
          <dd>{customer.username}</dd>
          {customer.fiscalCode ? (
            <>
              <dt>{t("registered.fiscalCode")}</dt>
              <dd>{customer.fiscalCode}</dd>
            </>
          ) : null}
          {customer.vatNumber ? (
            <>
              <dt>{t("registered.vatNumber")}</dt>
              <dd>{customer.vatNumber}</dd>
            </>
          ) : null}
        </dl>
        <p className="muted">{t("registered.readOnly")}</p>
      </section>
      <EmailSection email={customer.email} pending={overview.pendingEmail && { email: overview.pendingEmail.email, until: day(overview.pendingEmail.expiresAt) }} />
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">{t("password.title")}</h2>
        <p className="muted">{t("password.intro")}</p>
        <PasswordChangeForm action={changePasswordAction} />
      </section>
      <BillingForm publicBody={customer.publicBody} current={overview.billing} />
      {sessions}
      <TwoFactorSection status={overview.totp} />
      <PasskeysSection passkeys={overview.passkeys.map((p) => ({ id: p.id, name: p.name, createdAt: day(p.createdAt), lastUsedAt: p.lastUsedAt && day(p.lastUsedAt) }))} />
    </ClientMessages>
  );
}
