import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { todayInRome } from "@/lib/payments-list/schemas";
import { PaymentsListForm } from "./payments-list-form";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("paymentsList"))("title") };
}

/** Public, no login: the list goes by e-mail to the registered address, never to the screen. */
export default async function PaymentsListPage() {
  const t = await getTranslations("paymentsList");
  const today = todayInRome();
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p className="muted">{t("privacy")}</p>
      <ClientMessages namespaces={["paymentsList"]}>
        <PaymentsListForm today={today} defaultFrom={`${today.slice(0, 4)}-01-01`} />
      </ClientMessages>
      <p>
        {t("wrongAddress")} <Link href="/assistenza/richiesta?destinatario=amministrazione">{t("wrongAddressLink")}</Link>
      </p>
    </>
  );
}
