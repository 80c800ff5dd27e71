"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { resultMessage, type ActionResult } from "./results";
import styles from "./account.module.css";

export type SessionRow = { id: string; device: string; ip: string | null; lastSeen: string; signedIn: string; current: boolean; via?: string };

/** "Dispositivi connessi": each with "Esci da questo dispositivo", and "Esci da tutti i dispositivi". */
export function SessionsList(props: {
  sessions: SessionRow[];
  signOutOne: (v: { sessionId: string }) => Promise<ActionResult<{ current: boolean }>>;
  signOutAll: () => Promise<ActionResult>;
  loginPath: string;
}) {
  const t = useTranslations("accountForms.sessions");
  const tForms = useTranslations("accountForms");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const run = (call: () => Promise<ActionResult<{ current: boolean } | void>>) =>
    start(async () => {
      setError(null);
      const r = await call().catch(() => ({ ok: false as const, error: "unavailable" }));
      if (!r.ok) return setError(resultMessage(tForms, r));
      if (!r.data || r.data.current) router.replace(`${props.loginPath}?uscita=1`);
      else router.refresh();
    });

  return (
    <div>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <ul className={styles.sessions} aria-label={t("list")}>
        {props.sessions.map((s) => (
          <li key={s.id}>
            <div>
              <strong>{s.device}</strong> {s.current ? <Badge tone="ok">{t("thisDevice")}</Badge> : null}
              <div className="muted">
                {t("details", { ip: s.ip ?? "—", lastSeen: s.lastSeen, signedIn: s.signedIn })}
                {s.via ? ` · ${s.via}` : ""}
              </div>
            </div>
            <Button type="button" variant="secondary" size="small" className={styles.touch} disabled={pending} aria-label={t("signOutOneNamed", { device: s.device, lastSeen: s.lastSeen })} onClick={() => run(() => props.signOutOne({ sessionId: s.id }))}>
              {t("signOutOne")}
            </Button>
          </li>
        ))}
      </ul>
      <Button type="button" className={styles.touch} disabled={pending} onClick={() => run(props.signOutAll)}>
        {t("signOutAll")}
      </Button>
    </div>
  );
}
