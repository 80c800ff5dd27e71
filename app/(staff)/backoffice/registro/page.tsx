import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requireStaff } from "@/lib/auth/session";
import { auditEntities, listAuditLog } from "@/lib/staff/audit-log";
import { auditFilterInput } from "@/lib/staff/schemas";
import styles from "../backoffice.module.css";
import { Pager } from "../pager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.audit"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() !== "" ? v : undefined);

export default async function AuditLogPage({ searchParams }: Props) {
  await requireStaff();
  const raw = await searchParams;
  const parsed = auditFilterInput.safeParse({ entita: one(raw.entita), azione: one(raw.azione), id: one(raw.id), pagina: one(raw.pagina) });
  const filter = parsed.success ? parsed.data : { pagina: 1 };
  const [t, format, log, entities] = await Promise.all([getTranslations("backoffice.audit"), getFormatter(), listAuditLog(filter), auditEntities()]);

  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        <p className="muted" role="status">{t("count", { count: log.total })}</p>
      </div>
      <p className="muted">{t("intro")}</p>
      {parsed.success ? null : <Alert tone="warn">{t("invalidFilter")}</Alert>}
      <form method="get" className="inline-form card" role="search" aria-label={t("filterForm")}>
        <div className="field">
          <label htmlFor="entita">{t("entity")}</label>
          <select id="entita" name="entita" defaultValue={filter.entita ?? ""}>
            <option value="">{t("entityAll")}</option>
            {entities.map((e) => (
              <option key={e} value={e}>{e}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="azione">{t("action")}</label>
          <input id="azione" name="azione" className="input" defaultValue={filter.azione ?? ""} maxLength={60} />
        </div>
        <div className="field">
          <label htmlFor="id">{t("entityId")}</label>
          <input id="id" name="id" className="input" defaultValue={filter.id ?? ""} maxLength={100} />
        </div>
        <Button type="submit" variant="secondary">{t("apply")}</Button>
        <Link href="/backoffice/registro">{t("reset")}</Link>
      </form>
      {log.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("at")}</th>
                <th scope="col">{t("actor")}</th>
                <th scope="col">{t("actionCol")}</th>
                <th scope="col">{t("entityCol")}</th>
                <th scope="col">{t("data")}</th>
                <th scope="col">{t("ip")}</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((r) => (
                <tr key={r.id}>
                  <td>{format.dateTime(r.at, { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td>{r.actorName ? `${r.actorName} (staff)` : r.actor}</td>
                  <th scope="row">{r.action}</th>
                  <td>
                    {r.entity}
                    {r.entityId ? <><br /><span className={styles.data}>{r.entityId}</span></> : null}
                  </td>
                  <td className={styles.data}>{r.data ?? ""}</td>
                  <td>{r.ip ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager path="/backoffice/registro" query={{ entita: filter.entita, azione: filter.azione, id: filter.id }} page={filter.pagina} pages={log.pages} />
    </>
  );
}
