import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requireStaff } from "@/lib/auth/session";
import { findInvoicesForStaff } from "@/lib/invoice-settlement/queries";
import { formatMoney } from "@/lib/money";
import { paymentLookupInput } from "@/lib/staff/schemas";
import { InvoiceStatusBadge } from "./status-badge";
import { Worklists } from "./worklists";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.payments"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PaymentsPage({ searchParams }: Props) {
  await requireStaff("AMMINISTRAZIONE");
  const raw = (await searchParams).q;
  const asked = typeof raw === "string" && raw.trim() !== "";
  const parsed = paymentLookupInput.safeParse({ q: typeof raw === "string" ? raw : "" });
  const [t, tb, format, invoices] = await Promise.all([
    getTranslations("backoffice.payments"),
    getTranslations("backoffice"),
    getFormatter(),
    parsed.success ? findInvoicesForStaff(parsed.data.q) : Promise.resolve(null),
  ]);
  const q = parsed.success ? parsed.data.q : "";

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <form method="get" className="inline-form card" role="search" aria-label={t("searchForm")}>
        <div className="field">
          <label htmlFor="q">{t("queryLabel")}</label>
          <input id="q" name="q" className="input" defaultValue={q} maxLength={60} aria-describedby={asked && !parsed.success ? "q-error" : undefined} />
        </div>
        <Button type="submit">{t("search")}</Button>
      </form>
      {asked && !parsed.success ? <Alert tone="warn" id="q-error">{t("invalidQuery")}</Alert> : null}
      {invoices && invoices.length === 0 ? <p role="status">{t("none", { q })}</p> : null}
      {invoices && invoices.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t("caption", { q })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("number")}</th>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("customer")}</th>
                <th scope="col">{t("regime")}</th>
                <th scope="col" className="num">{t("total")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col" className="num">{t("paid")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {invoices.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.number}</th>
                  <td>{format.dateTime(i.issuedAt, { dateStyle: "medium" })}</td>
                  <td>{i.customer.displayName} ({i.customer.customerCode})</td>
                  <td>{tb(`regimes.${i.splitPayment ? "SPLIT_PAYMENT" : "ORDINARY"}`)}</td>
                  <td className="num">{formatMoney(i.totalCents)}</td>
                  <td><InvoiceStatusBadge status={i.status} /></td>
                  <td className="num">{i._count.payments}</td>
                  <td>
                    <Link href={`/backoffice/pagamenti/${i.id}`} className="btn btn-secondary btn-small" aria-label={t("openLabel", { number: i.number })}>
                      {t("open")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Worklists />
    </>
  );
}
