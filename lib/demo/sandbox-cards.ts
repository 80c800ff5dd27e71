import type { Tx } from "@/lib/db";
import { saveTestCard } from "@/lib/gateway/testing";

/**
 * Demo and test data of the bank: a test card already saved for a customer, as if it had been
 * entered on the hosted page before, plus the area's side of it (token and masked details). On
 * the configured bank: the sandbox's vault, or Stripe's test PaymentMethod for that number.
 */
export async function saveSandboxCard(tx: Tx, opts: { customerId: string; number: string; holder: string; expMonth: number; expYear: number }) {
  const { token, ...card } = await saveTestCard({ merchantCustomerRef: opts.customerId, number: opts.number, holder: opts.holder, expMonth: opts.expMonth, expYear: opts.expYear }, tx);
  return tx.card.upsert({
    where: { gatewayToken: token },
    create: { ...card, customerId: opts.customerId, gatewayToken: token },
    update: {},
    select: { id: true },
  });
}
