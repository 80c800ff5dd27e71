import { notFound, redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { isPayable } from "@/lib/orders/state";
import { getCheckout, parseCardChoice } from "@/lib/payments/checkout";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * What the summary and ceiling steps share: the order must be the viewer's and payable, and
 * `?carta=` one of their cards or "nuova"; otherwise back to step 1, which says why. `consent`: the
 * ceiling this card's payment records (asked on the ceiling step, or stated on the summary).
 */
export async function loadCheckoutStep({ params, searchParams }: Params) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const checkout = await getCheckout(await requireViewer(), id);
  if (!checkout) notFound();
  const base = `/ordini/${checkout.order.id}/paga`;
  if (!isPayable(checkout.order.status)) redirect(base);
  const card = parseCardChoice(query.carta, checkout.cards.map((c) => c.id));
  if (!card) redirect(`${base}?errore=carta`);
  const cartaParam = card.kind === "new" ? "nuova" : card.cardId;
  const savedCard = card.kind === "saved" ? checkout.cards.find((c) => c.id === card.cardId) : undefined;
  return { checkout, card, cartaParam, savedCard, consent: checkout.consentFor(card), base };
}
