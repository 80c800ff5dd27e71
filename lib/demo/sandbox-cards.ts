import type { Tx } from "@/lib/db";
import { behaviourOf } from "@/lib/gateway/sandbox/behaviour";
import { brandOf, cardDigits } from "@/lib/gateway/sandbox/card-input";
import { cardFingerprint } from "@/lib/gateway/sandbox/secret";
import { vaultCard } from "@/lib/gateway/sandbox/store";

/**
 * Demo and test data of the sandbox bank: a test card already saved for a customer, as if it had
 * been entered on the hosted page before, plus the area's side of it (token and masked details).
 */
export async function saveSandboxCard(tx: Tx, opts: { customerId: string; number: string; holder: string; expMonth: number; expYear: number }) {
  const digits = cardDigits(opts.number);
  const card = { brand: brandOf(digits) ?? "Visa", last4: digits.slice(-4), expMonth: opts.expMonth, expYear: opts.expYear, holder: opts.holder };
  const token = await vaultCard(tx, { ...card, merchantCustomerRef: opts.customerId, fingerprint: cardFingerprint(digits), behaviour: behaviourOf(digits) });
  return tx.card.upsert({
    where: { gatewayToken: token },
    create: { ...card, customerId: opts.customerId, gatewayToken: token },
    update: {},
    select: { id: true },
  });
}
