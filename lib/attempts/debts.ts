import "server-only";
import type { Tx } from "@/lib/db";
import type { AttemptPurpose } from "@/lib/db/generated/enums";
import { cardCheckDebt } from "@/lib/cards/card-check";
import { invoiceDebt } from "@/lib/invoice-payments/invoice-debt";
import { orderDebt } from "@/lib/payments/order-debt";
import type { AttemptFacts, Debt } from "./types";

const debts: Record<AttemptPurpose, Debt> = { ORDER: orderDebt, INVOICE: invoiceDebt, CARD_CHECK: cardCheckDebt };

export function debtOf(purpose: AttemptPurpose): Debt {
  return debts[purpose];
}

export const factsSelect = { id: true, purpose: true, status: true, amountCents: true, offSession: true, ip: true, userAgent: true } as const;

export async function readFacts(tx: Tx, attemptId: string): Promise<AttemptFacts> {
  return tx.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: factsSelect });
}
