import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { findRegimeMistakesToSettle, listStuckRefunds } from "@/lib/invoice-settlement/queries";
import { formatMoney } from "@/lib/money";

/**
 * What Amministrazione has to act on without searching: payments in the wrong VAT regime not yet
 * settled, and refunds owed that the bank has not carried out (retried on their own, shown until done).
 */
export async function Worklists() {
  const [t, tb, format, toSettle, stuck] = await Promise.all([
    getTranslations("backoffice.payments"), getTranslations("backoffice"), getFormatter(), findRegimeMistakesToSettle(), listStuckRefunds(),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <>
      <section className="card" aria-labelledby="da-regolare">
        <h2 id="da-regolare">{t("toSettleTitle")}</h2>
        <p className="muted">{t("toSettleIntro")}</p>
        {toSettle.length === 0 ? <p>{t("toSettleNone")}</p> : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("number")}</th>
                  <th scope="col">{t("paidOn")}</th>
                  <th scope="col">{t("payer")}</th>
                  <th scope="col">{t("declaredRegime")}</th>
                  <th scope="col" className="num">{t("amount")}</th>
                  <th scope="col">{t("actions")}</th>
                </tr>
              </thead>
              <tbody>
                {toSettle.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.invoice.number}</th>
                    <td>{p.settledAt ? when(p.settledAt) : "—"}</td>
                    <td>{p.payerName}</td>
                    <td>{tb(`regimes.${p.regime}`)}</td>
                    <td className="num">{formatMoney(p.amountCents)}</td>
                    <td>
                      <Link href={`/backoffice/pagamenti/${p.invoice.id}`} className="btn btn-secondary btn-small" aria-label={t("openLabel", { number: p.invoice.number })}>{t("open")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="rimborsi">
        <h2 id="rimborsi">{t("stuckTitle")}</h2>
        <p className="muted">{t("stuckIntro")}</p>
        {stuck.length === 0 ? <p>{t("stuckNone")}</p> : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("reference")}</th>
                  <th scope="col" className="num">{t("amount")}</th>
                  <th scope="col">{t("owedSince")}</th>
                  <th scope="col" className="num">{t("tries")}</th>
                  <th scope="col">{t("lastError")}</th>
                  <th scope="col">{t("nextTry")}</th>
                </tr>
              </thead>
              <tbody>
                {stuck.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.invoiceId ? <Link href={`/backoffice/pagamenti/${r.invoiceId}`}>{r.reference}</Link> : r.reference}</th>
                    <td className="num">{formatMoney(r.cents)}</td>
                    <td>{when(r.since)}</td>
                    <td className="num">{r.tries}</td>
                    <td>{r.lastError ?? "—"}</td>
                    <td>{r.nextAt ? when(r.nextAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
