"use server";

import { notFound, redirect } from "next/navigation";
import { requestClient } from "@/lib/security/client";
import { requireViewer } from "@/lib/auth/session";
import { PaymentError } from "@/lib/payments/errors";
import { payOrderInput } from "@/lib/payments/schemas";
import { startOrderPayment } from "@/lib/payments/start-payment";
import { formEntries } from "@/lib/security/form-input";

/** Prosegui / Autorizza e procedi: starts the payment and sends the browser where it goes next. */
export async function payOrderAction(formData: FormData) {
  const parsed = payOrderInput.safeParse(formEntries(formData));
  if (!parsed.success) notFound();
  const { orderId, carta, consenso, massimale } = parsed.data;
  const viewer = await requireViewer();
  const client = await requestClient();
  const base = `/ordini/${orderId}/paga`;
  let target: string;
  try {
    const result = await startOrderPayment({
      viewer,
      orderId,
      card: carta === "nuova" ? { kind: "new" } : { kind: "saved", cardId: carta },
      ceilingConsent: consenso === "1",
      ceilingCents: massimale,
      ...client,
    });
    target = result.redirectUrl ?? `${base}/esito?pagamento=${result.paymentId}`;
  } catch (error) {
    if (!(error instanceof PaymentError)) throw error;
    if (error.code === "order_not_found") notFound();
    if (error.code === "ceiling_consent_required") target = `${base}/massimale?carta=${carta}`;
    // The ceiling changed since the page was shown: the step that shows it, with the new amount.
    else if (error.code === "ceiling_changed") target = `${base}/${consenso === "1" ? "massimale" : "riepilogo"}?carta=${carta}&massimale=cambiato`;
    else if (error.code === "card_not_found") target = `${base}?errore=carta`;
    else if (error.paymentId) target = `${base}/esito?pagamento=${error.paymentId}`;
    else target = base; // already paid or not payable: the page says so
  }
  redirect(target);
}
