"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import styles from "./account.module.css";

/** The ten recovery codes, shown once, right after they are made. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("accountForms.recovery");
  return (
    <section aria-labelledby="recovery-codes-title">
      <h3 id="recovery-codes-title">{t("title")}</h3>
      <Alert tone="warn">{t("keep")}</Alert>
      <ul className={styles.codes} aria-label={t("title")}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </section>
  );
}
