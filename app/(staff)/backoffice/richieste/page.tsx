import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { requireStaff } from "@/lib/auth/session";
import { listRequestsForStaff } from "@/lib/staff/requests";
import { requestListInput, requestStatusFilters } from "@/lib/staff/schemas";
import { Pager } from "../pager";
import { RequestStatusBadge } from "./status-badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.requests"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RequestsPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const raw = await searchParams;
  const parsed = requestListInput.safeParse({ stato: raw.stato || undefined, pagina: raw.pagina || undefined });
  const filter = parsed.success ? parsed.data : { stato: undefined, pagina: 1 };
  const [t, tb, format, list] = await Promise.all([
    getTranslations("backoffice.requests"),
    getTranslations("backoffice"),
    getFormatter(),
    listRequestsForStaff({ staff, status: filter.stato, page: filter.pagina }),
  ]);

  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        <p className="muted" role="status">{t("count", { count: list.total })}</p>
      </div>
      <p className="muted">{t("intro", { role: tb(`roles.${staff.role}`) })}</p>
      {parsed.success ? null : <Alert tone="warn">{t("invalidFilter")}</Alert>}
      <form method="get" className="inline-form card" role="search" aria-label={t("filterForm")}>
        <div className="field">
          <label htmlFor="stato">{t("filterLabel")}</label>
          <select id="stato" name="stato" defaultValue={filter.stato ?? ""}>
            <option value="">{t("filterAll")}</option>
            {requestStatusFilters.map((s) => (
              <option key={s} value={s}>{tb(`status.${s}`)}</option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">{t("filterApply")}</Button>
      </form>
      {list.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("number")}</th>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("reason")}</th>
                <th scope="col">{t("sender")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col" className="num">{t("replies")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.number}</th>
                  <td>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td>{tb(`reasons.${r.reason}`)}</td>
                  <td>{r.name}<br /><span className="muted">{r.email}</span></td>
                  <td><RequestStatusBadge status={r.status} /></td>
                  <td className="num"><Badge tone="muted">{r._count.replies}</Badge></td>
                  <td>
                    <Link href={`/backoffice/richieste/${r.id}`} className="btn btn-secondary btn-small" aria-label={t("openLabel", { number: r.number })}>
                      {t("open")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager path="/backoffice/richieste" query={{ stato: filter.stato }} page={filter.pagina} pages={list.pages} />
    </>
  );
}
