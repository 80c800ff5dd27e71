import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SiteShell } from "@/components/layout/site-shell";
import { Button } from "@/components/ui/button";
import { devToolsEnabled } from "@/lib/demo/dev-tools";
import { listMailbox } from "@/lib/email";

export const metadata: Metadata = { title: "Mailbox", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Development only: what the application "sent" when no e-mail provider is configured. */
export default async function MailboxPage({ searchParams }: Props) {
  if (!devToolsEnabled()) notFound();
  const raw = (await searchParams).to;
  const to = typeof raw === "string" && raw.length <= 254 ? raw.trim().toLowerCase() : undefined;
  const [t, format, messages] = await Promise.all([getTranslations("mailbox"), getFormatter(), listMailbox({ to: to || undefined, limit: 100 })]);
  return (
    <SiteShell>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <form method="get" className="inline-form card">
        <div className="field">
          <label htmlFor="to">{t("filter")}</label>
          <input id="to" name="to" type="email" className="input" defaultValue={to} />
        </div>
        <Button type="submit" variant="secondary">{t("apply")}</Button>
      </form>
      {messages.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("subject")}</th>
                <th scope="col">{t("received")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>{m.to}</td>
                  <td><Link href={`/dev/mailbox/${m.id}`}>{m.subject}</Link></td>
                  <td>{format.dateTime(m.receivedAt, { dateStyle: "short", timeStyle: "medium" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SiteShell>
  );
}
