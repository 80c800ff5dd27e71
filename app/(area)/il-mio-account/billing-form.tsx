"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/account/action-form";
import { billingInput, type BillingFormValues } from "@/lib/account/billing-rules";
import { saveBillingAction } from "./actions";

export function BillingForm({ publicBody, current }: { publicBody: boolean; current: BillingFormValues | null }) {
  const t = useTranslations("account.billing");
  return (
    <section className="card" aria-labelledby="billing-title">
      <h2 id="billing-title">{t("title")}</h2>
      <p className="muted">{publicBody ? t("introPa") : t("intro")}</p>
      <ActionForm
        id="billing"
        schema={billingInput(publicBody)}
        defaults={{ sdiCode: "", invoicePec: "", street: "", postalCode: "", city: "", province: "", country: "IT", ...current }}
        fields={[
          { name: "sdiCode", label: publicBody ? t("sdiCodePa") : t("sdiCode"), autoComplete: "off", hint: publicBody ? t("sdiCodePaHint") : t("sdiCodeHint") },
          ...(publicBody ? [] : [{ name: "invoicePec" as const, label: t("invoicePec"), type: "email", autoComplete: "email", inputMode: "email" as const, hint: t("invoicePecHint") }]),
          { name: "street", label: t("street"), autoComplete: "street-address" },
          { name: "postalCode", label: t("postalCode"), autoComplete: "postal-code", inputMode: "numeric" },
          { name: "city", label: t("city"), autoComplete: "address-level2" },
          { name: "province", label: t("province"), autoComplete: "address-level1", hint: t("provinceHint") },
          { name: "country", label: t("country"), autoComplete: "country", hint: t("countryHint") },
        ]}
        action={saveBillingAction}
        submitLabel={t("submit")}
        success={t("saved")}
      />
    </section>
  );
}
