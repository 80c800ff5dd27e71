"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { switchRenewalAction } from "@/app/(area)/servizi/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatMoney } from "@/lib/money";
import styles from "./renewal-switch.module.css";

type Props = {
  serviceId: string;
  serviceName: string;
  on: boolean;
  /** The switch's accessible name: "Rinnovo automatico" on the service page, "… di <name>" in a list. */
  label: string;
  /** The yearly renewal price, VAT included: what the card will be charged. */
  renewalTotalCents: number;
  /** The renewal card ("Visa •••• 4242"), or null when the customer has none. */
  card: string | null;
  /** The expiry date, already formatted for the page. */
  expiresOn: string | null;
};

type Step = { kind: "confirm" } | { kind: "ceiling"; amountCents: number; card: string } | { kind: "no_card" } | { kind: "error"; message: string };

/**
 * On/off switch for the automatic renewal of one service. Every change goes through a
 * confirmation; the server decides whether a saved card and a new ceiling consent are needed.
 */
export function RenewalSwitch(p: Props) {
  const t = useTranslations("renewalSwitch");
  const tState = useTranslations("renewal");
  const tPay = useTranslations("pay");
  const tService = useTranslations("service");
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<Step>({ kind: "confirm" });
  const [pending, startTransition] = useTransition();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // Fixed when the dialog opens: the page refreshes under it once the change is saved.
  const [turningOn, setTurningOn] = useState(!p.on);

  useEffect(() => {
    if (open && !dialogRef.current?.open) dialogRef.current?.showModal();
  }, [open]);

  function submit(ceilingConsent: boolean) {
    startTransition(async () => {
      const result = await switchRenewalAction({ serviceId: p.serviceId, on: turningOn, ceilingConsent }).catch(() => ({ ok: false as const, error: "generic" as const }));
      if (result.ok) dialogRef.current?.close();
      else if (result.error === "ceiling_consent_required") setStep({ kind: "ceiling", ...result.ceiling });
      else if (result.error === "no_card") setStep({ kind: "no_card" });
      else setStep({ kind: "error", message: result.error === "unavailable" ? tService("renewalUnavailableHelp") : t(`errors.${result.error}`) });
    });
  }

  const amount = formatMoney(p.renewalTotalCents);
  const explanation = turningOn
    ? p.card ? t("onExplain", { date: p.expiresOn ?? "", amount, card: p.card }) : t("onExplainNoCard", { date: p.expiresOn ?? "", amount })
    : p.expiresOn ? t("offExplain", { date: p.expiresOn }) : t("offExplainNoDate");

  return (
    <>
      {/* The state is shown beside the switch, not inside it: a control's visible text must be part
          of its name (voice control users say what they see), and the name is the service's. */}
      <span className={styles.control}>
        <button
          type="button"
          role="switch"
          aria-checked={p.on}
          aria-label={p.label}
          className={styles.switch}
          onClick={() => {
            setStep({ kind: "confirm" });
            setTurningOn(!p.on);
            setOpen(true);
          }}
        >
          <span className={styles.track} aria-hidden="true"><span className={styles.thumb} /></span>
        </button>
        {/* aria-checked already says it to assistive technology. */}
        <span className={styles.state} aria-hidden="true">{p.on ? tState("on") : tState("off")}</span>
      </span>
      {open ? (
        <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={titleId} aria-describedby={descriptionId} onClose={() => setOpen(false)}>
          <h2 id={titleId}>{turningOn ? t("confirmOnTitle", { name: p.serviceName }) : t("confirmOffTitle", { name: p.serviceName })}</h2>
          {step.kind === "ceiling" ? (
            <div id={descriptionId}>
              <p>{t("ceilingIntro")}</p>
              <p><strong>{tPay("ceilingAmount", { amount: formatMoney(step.amountCents) })}</strong></p>
              <p>{t("ceilingCard", { card: step.card })}</p>
              <p className="muted">{tPay("ceilingExplain")}</p>
            </div>
          ) : (
            <p id={descriptionId}>{explanation}</p>
          )}
          {step.kind === "no_card" ? (
            <div role="alert" className="alert alert-warn">
              <p>{t("noCard")}</p>
              <p><Link href="/metodi-di-pagamento">{t("paymentMethods")}</Link></p>
            </div>
          ) : null}
          {step.kind === "error" ? <Alert tone="danger">{step.message}</Alert> : null}
          <div className={styles.actions}>
            {step.kind === "ceiling" ? (
              <Button type="button" disabled={pending} onClick={() => submit(true)}>{pending ? tPay("processing") : tPay("authorize")}</Button>
            ) : step.kind !== "no_card" ? (
              <Button type="button" disabled={pending} onClick={() => submit(false)}>{pending ? tPay("processing") : t("confirm")}</Button>
            ) : null}
            <Button type="button" variant="secondary" onClick={() => dialogRef.current?.close()}>{t("cancel")}</Button>
          </div>
        </dialog>
      ) : null}
    </>
  );
}
