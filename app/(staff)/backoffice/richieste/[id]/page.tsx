import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireStaff } from "@/lib/auth/session";
import { getRequestForStaff } from "@/lib/staff/requests";
import styles from "../../backoffice.module.css";
import { setRequestStatusAction } from "../actions";
import { RequestStatusBadge } from "../status-badge";
import { ReplyForm } from "./reply-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.requests"))("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const outcomes = ["closed", "reopened", "unchanged"] as const;

export default async function RequestPage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const request = await getRequestForStaff({ staff, id });
  if (!request) notFound();
  const [t, tb, format] = await Promise.all([getTranslations("backoffice.request"), getTranslations("backoffice"), getFormatter()]);
  const outcome = outcomes.find((o) => o === query.esito);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const lookup = request.invoiceNumber ?? request.customerCode ?? request.customer?.customerCode;
  const rows: [string, React.ReactNode][] = [
    [t("category"), tb(`roles.${request.category}`)],
    [t("reason"), tb(`reasons.${request.reason}`)],
    [t("status"), <RequestStatusBadge key="s" status={request.status} />],
    [t("received"), when(request.createdAt)],
    [t("name"), request.name],
    [t("email"), request.email],
    [t("customerCode"), request.customerCode ?? t("notGiven")],
    [t("invoiceNumber"), request.invoiceNumber ?? t("notGiven")],
    ...(request.customer ? [[t("account"), t("accountValue", { name: request.customer.displayName, code: request.customer.customerCode })] as [string, string]] : []),
  ];

  return (
    <>
      <p><Link href="/backoffice/richieste">{t("back")}</Link></p>
      <h1>{t("title", { number: request.number })}</h1>
      {outcome ? <Alert tone="ok">{t(outcome)}</Alert> : null}
      {query.errore === "closed" ? <Alert tone="danger">{tb("errors.closed")}</Alert> : null}

      <section className="card" aria-labelledby="request-details">
        <h2 id="request-details">{t("details")}</h2>
        <dl className="details">
          {rows.map(([label, value]) => (
            <div key={label} style={{ display: "contents" }}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <h3>{t("message")}</h3>
        <p className={styles.message}>{request.message}</p>
        {lookup && staff.role === "AMMINISTRAZIONE" ? (
          <p><Link href={`/backoffice/pagamenti?q=${encodeURIComponent(lookup)}`}>{t("paymentsLink", { query: lookup })}</Link></p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="request-replies">
        <h2 id="request-replies">{t("replies")}</h2>
        {request.replies.length === 0 ? <p>{t("noReplies")}</p> : null}
        {request.replies.map((r) => (
          <article key={r.id} className={styles.reply}>
            <p className="muted">{t("repliedBy", { name: r.staff.displayName, date: when(r.createdAt) })}</p>
            <p className={styles.message}>{r.message}</p>
          </article>
        ))}
      </section>

      <section className="card" aria-labelledby="request-reply">
        <h2 id="request-reply">{t("replyTitle")}</h2>
        {request.status === "CLOSED" ? <p>{t("closedNotice")}</p> : <ReplyForm requestId={request.id} email={request.email} />}
        <form action={setRequestStatusAction} style={{ marginTop: "1rem" }}>
          <input type="hidden" name="requestId" value={request.id} />
          <input type="hidden" name="status" value={request.status === "CLOSED" ? "OPEN" : "CLOSED"} />
          <SubmitButton pendingLabel={t("working")}>{request.status === "CLOSED" ? t("reopen") : t("close")}</SubmitButton>
        </form>
      </section>
    </>
  );
}
