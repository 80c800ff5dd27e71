"use client";

import { useTranslations } from "next-intl";

// Never shows the error itself: details go to the server log, the customer gets a plain message.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main id="contenuto">
      <title>{t("genericTitle")}</title>
      <h1>{t("genericTitle")}</h1>
      <p role="alert">{t("generic")}</p>
      <button type="button" className="btn btn-primary" onClick={reset}>
        {t("retry")}
      </button>
    </main>
  );
}
