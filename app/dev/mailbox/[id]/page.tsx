import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SiteShell } from "@/components/layout/site-shell";
import { isUuid } from "@/lib/db/ids";
import { devToolsEnabled } from "@/lib/demo/dev-tools";
import { getMailboxMessage, listMailboxAttachments } from "@/lib/email";

export const metadata: Metadata = { title: "Mailbox", robots: { index: false } };

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!devToolsEnabled() || !isUuid(id)) notFound();
  const message = await getMailboxMessage(id);
  if (!message) notFound();
  const [t, tFiles, attachments] = await Promise.all([getTranslations("mailbox"), getTranslations("mailboxAttachments"), listMailboxAttachments(message.emailId)]);
  return (
    <SiteShell>
      <p><Link href={`/dev/mailbox?to=${encodeURIComponent(message.to)}`}>{t("title")}</Link></p>
      <h1>{message.subject}</h1>
      <p>{t("to")}: {message.to}</p>
      {attachments.length > 0 ? (
        <section aria-labelledby="mail-attachments">
          <h2 id="mail-attachments">{tFiles("title")}</h2>
          <ul>
            {attachments.map((a) => (
              <li key={a.id}>
                <a href={`/dev/mailbox/attachments/${a.id}`} download={a.filename}>
                  {a.filename}
                </a>{" "}
                <span className="muted">({tFiles("size", { type: a.contentType, kb: Math.max(1, Math.round(a.size / 1024)) })})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {/*
        The HTML as the customer's mail client would show it, isolated from this page. Below the
        attachments: a sandboxed srcdoc frame is cross-origin, hence out of process, and Chromium
        routes a click made right after a scroll with the frame's previous position, so a link
        that had to be scrolled to beneath it could receive a click meant for it (README).
      */}
      <iframe title={message.subject} srcDoc={message.html} sandbox="" style={{ width: "100%", height: "60vh", border: "1px solid var(--border)", background: "#fff" }} />
      <h2>Text</h2>
      <pre style={{ whiteSpace: "pre-wrap" }} data-testid="mail-text">{message.text}</pre>
    </SiteShell>
  );
}
