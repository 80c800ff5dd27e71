import "server-only";
import { handleBankReturn, type AttemptView } from "@/lib/attempts";

/** The browser came back from the bank to a Paga fattura attempt: the bank is asked. Null: not found. */
export function handleInvoicePaymentReturn(opts: { invoicePaymentId: string; query: URLSearchParams }): Promise<AttemptView | null> {
  return handleBankReturn({ attemptId: opts.invoicePaymentId, purpose: "INVOICE", query: opts.query });
}
