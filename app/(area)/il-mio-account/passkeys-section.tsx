"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { resultMessage } from "@/components/account/results";
import { PasswordConfirmForm } from "@/components/account/password-forms";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import styles from "@/components/account/account.module.css";
import { addPasskeyAction, passkeyOptionsAction, removePasskeyAction } from "./actions";

type Passkey = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

/** Passkeys: a login without a password, or the answer to the second step. */
export function PasskeysSection({ passkeys }: { passkeys: Passkey[] }) {
  const t = useTranslations("account.passkeys");
  const tForms = useTranslations("accountForms");
  const router = useRouter();
  const [name, setName] = useState("");
  const [message, setMessage] = useState<{ tone: "ok" | "danger"; text: string } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  async function create(values: { currentPassword: string }) {
    const options = await passkeyOptionsAction(values);
    if (!options.ok) return options;
    try {
      // The WebAuthn client is loaded on the click, not with the page.
      const { startRegistration } = await import("@simplewebauthn/browser");
      const response = await startRegistration({ optionsJSON: options.data });
      const added = await addPasskeyAction({ name: name.trim() || t("defaultName"), response: JSON.stringify(response) });
      if (added.ok) {
        setMessage({ tone: "ok", text: t("added", { name: added.data.name }) });
        setName("");
        router.refresh();
      }
      return added.ok ? { ok: true as const, data: undefined } : added;
    } catch {
      return { ok: false as const, error: "invalid_code" };
    }
  }

  return (
    <section className="card" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {passkeys.length ? (
        <ul className={styles.sessions} aria-label={t("list")}>
          {passkeys.map((p) => (
            <li key={p.id}>
              <div>
                <strong>{p.name}</strong>
                <div className="muted">{t("details", { created: p.createdAt, used: p.lastUsedAt ?? t("never") })}</div>
              </div>
              <Button type="button" variant="secondary" size="small" className={styles.touch} aria-label={t("removeNamed", { name: p.name })} onClick={() => setRemoving(removing === p.id ? null : p.id)}>
                {t("remove")}
              </Button>
              {removing === p.id ? (
                <PasswordConfirmForm
                  id={`passkey-remove-${p.id}`}
                  action={(v) => removePasskeyAction({ ...v, passkeyId: p.id })}
                  submitLabel={t("removeConfirm", { name: p.name })}
                  onDone={() => (setRemoving(null), setMessage({ tone: "ok", text: t("removed", { name: p.name }) }), router.refresh())}
                  variant="secondary"
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("none")}</p>
      )}
      <h3>{t("addTitle")}</h3>
      <div className={styles.form}>
        <TextField id="passkey-name" name="passkeyName" label={t("name")} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={60} className={`input ${styles.touch}`} />
      </div>
      <PasswordConfirmForm id="passkey-add" action={async (v) => { setMessage(null); const r = await create(v); if (!r.ok) setMessage({ tone: "danger", text: r.error === "invalid_code" ? t("failed") : resultMessage(tForms, r) }); return { ok: true as const, data: undefined }; }} submitLabel={t("add")} />
    </section>
  );
}
