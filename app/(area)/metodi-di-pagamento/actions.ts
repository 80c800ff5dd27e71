"use server";

import { notFound, redirect } from "next/navigation";
import { requestClient } from "@/lib/security/client";
import { requireViewer } from "@/lib/auth/session";
import { CardError } from "@/lib/cards/errors";
import { removeCard, setRenewalCard, type RemovalChoice } from "@/lib/cards/manage";
import { addCardInput, removeCardInput, renewalCardInput } from "@/lib/cards/schemas";
import { startCardVerification } from "@/lib/cards/verify";
import { formEntries } from "@/lib/security/form-input";

const BASE = "/metodi-di-pagamento";

/** Runs a use case; an expected refusal becomes the page to show, anything else is a real error. */
async function attempt(run: () => Promise<string>, onError: (code: CardError["code"]) => string): Promise<never> {
  let target: string;
  try {
    target = await run();
  } catch (error) {
    if (!(error instanceof CardError)) throw error;
    if (error.code === "card_not_found") notFound();
    if (error.code === "account_login_required") redirect(BASE);
    target = onError(error.code);
  }
  redirect(target);
}

/** "Prosegui" / "Autorizza e procedi" on Aggiungi una carta: off to the bank's page. */
export async function addCardAction(formData: FormData) {
  const parsed = addCardInput.safeParse(formEntries(formData));
  if (!parsed.success) redirect(`${BASE}/nuova-carta?errore=generic`);
  const viewer = await requireViewer();
  const { rinnovi, consenso, importo } = parsed.data;
  await attempt(
    async () => {
      const r = await startCardVerification({ viewer, forRenewals: rinnovi === "1", ceilingConsent: consenso === "1", ceilingCents: importo, ...(await requestClient()) });
      return r.redirectUrl ?? `${BASE}?verifica=${r.verificationId}`;
    },
    (code) => (code === "ceiling_consent_required" ? `${BASE}/nuova-carta/massimale` : code === "ceiling_changed" ? `${BASE}/nuova-carta/massimale?errore=${code}` : `${BASE}/nuova-carta?errore=${code}`),
  );
}

/** "Conferma" / "Autorizza e procedi" on Usa per i rinnovi. */
export async function setRenewalCardAction(formData: FormData) {
  const parsed = renewalCardInput.safeParse(formEntries(formData));
  if (!parsed.success) notFound();
  const viewer = await requireViewer();
  const { cardId, consenso, importo } = parsed.data;
  await attempt(
    async () => {
      await setRenewalCard({ viewer, cardId, ceilingConsent: consenso === "1", ceilingCents: importo, ...(await requestClient()) });
      return `${BASE}?esito=rinnovi&carta=${cardId}`;
    },
    (code) => `${BASE}/${cardId}/rinnovi?errore=${code}`,
  );
}

/** "Rimuovi carta", "Autorizza e rimuovi" or "Disattiva i rinnovi automatici e rimuovi la carta". */
export async function removeCardAction(formData: FormData) {
  const parsed = removeCardInput.safeParse(formEntries(formData));
  if (!parsed.success) notFound();
  const viewer = await requireViewer();
  const input = parsed.data;
  const choice: RemovalChoice =
    input.scelta === "rimuovi" ? { kind: "remove" }
    : input.scelta === "disattiva" ? { kind: "switch-off" }
    : { kind: "replace", replacementCardId: input.sostituta, ceilingConsent: input.consenso === "1", ceilingCents: input.importo };
  await attempt(
    async () => {
      const r = await removeCard({ viewer, cardId: input.cardId, choice, ...(await requestClient()) });
      return `${BASE}?esito=rimossa&carta=${input.cardId}${r.renewalsTurnedOff > 0 ? "&rinnovi=disattivati" : ""}`;
    },
    (code) => `${BASE}/${input.cardId}/rimuovi?errore=${code}`,
  );
}
