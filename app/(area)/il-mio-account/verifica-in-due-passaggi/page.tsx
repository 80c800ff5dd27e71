import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TotpSetup } from "@/components/account/totp-setup";
import { pendingTotpSetup } from "@/lib/account/two-factor";
import { requireAccountViewer } from "@/lib/auth/session";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { confirmTotpAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.twoFactor"))("setupTitle") };
}

/** The QR code of an authenticator being set up (started with the password on Il mio account, in this session). */
export default async function TotpSetupPage() {
  const viewer = await requireAccountViewer("/il-mio-account");
  const [t, pending] = await Promise.all([getTranslations("account.twoFactor"), pendingTotpSetup({ customerId: viewer.customerId }, viewer.sessionId, viewer.username)]);
  if (!pending) redirect("/il-mio-account");
  return (
    <ClientMessages namespaces={["accountForms"]}>
      <p>
        <Link href="/il-mio-account">{t("back")}</Link>
      </p>
      <h1>{t("setupTitle")}</h1>
      <section className="card">
        <TotpSetup secret={pending.secret} qrDataUrl={pending.qrDataUrl} confirm={confirmTotpAction} next={{ href: "/il-mio-account", label: t("done") }} />
      </section>
    </ClientMessages>
  );
}
