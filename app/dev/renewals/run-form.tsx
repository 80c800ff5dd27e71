"use client";

import { useTranslations, useFormatter } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { runRenewalsAction, type RunRenewalsState } from "./actions";

const rows = ["services", "ordersCreated", "charged", "failed", "expired", "notices"] as const;

export function RunRenewalsForm({ today }: { today: string }) {
  const t = useTranslations("renewalEngine.dev");
  const format = useFormatter();
  const [state, action] = useActionState<RunRenewalsState, FormData>(runRenewalsAction, null);
  return (
    <>
      <form action={action} className="card">
        <TextField label={t("date")} name="date" type="date" required defaultValue={today} error={state?.ok === false && state.error === "invalidDate" ? t("invalidDate") : undefined} />
        <TextField label={t("customer")} name="customerCode" autoComplete="off" aria-describedby="customer-hint" />
        <p id="customer-hint" className="muted">{t("customerHint")}</p>
        <SubmitButton pendingLabel={t("running")}>{t("run")}</SubmitButton>
      </form>
      {state?.ok === false ? <div role="alert" className="alert alert-danger">{t(state.error)}</div> : null}
      {state?.ok ? (
        <section aria-labelledby="run-result" className="card">
          <h2 id="run-result">{t("result", { date: format.dateTime(new Date(state.at), { dateStyle: "long", timeStyle: "short" }) })}</h2>
          <dl>
            {rows.map((key) => (
              <div key={key}>
                <dt>{t(key)}</dt>
                <dd>{state.summary[key]}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}
