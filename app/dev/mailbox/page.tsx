import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SiteShell } from "@/components/layout/site-shell";
import { Button } from "@/components/ui/button";
import { Cell, Row, StackTable } from "@/components/ui/table";
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
        <StackTable columns={[{ label: t("to") }, { label: t("subject") }, { label: t("received") }]}>
          {messages.map((m) => (
            <Row key={m.id}>
              <Cell label={t("to")}>{m.to}</Cell>
              <Cell label={t("subject")}><Link href={`/dev/mailbox/${m.id}`}>{m.subject}</Link></Cell>
              <Cell label={t("received")}>{format.dateTime(m.receivedAt, { dateStyle: "short", timeStyle: "medium" })}</Cell>
            </Row>
          ))}
        </StackTable>
      )}
    </SiteShell>
  );
}
