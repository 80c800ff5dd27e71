import type { PaymentGateway } from "@/lib/gateway";
import { getGateway } from "@/lib/gateway";

type Holder = { gateway?: PaymentGateway };

/**
 * Puts a wrapper around the configured bank for one test: `faults` replaces some of its calls
 * (a bank that does not answer, a refund service that is down, a late charge), everything else is
 * the real bank. Returns the function that puts the real one back.
 */
export function interceptGateway(faults: (bank: PaymentGateway) => Partial<PaymentGateway>): () => void {
  const holder = (globalThis as { __areaGateway?: Holder }).__areaGateway!;
  const bank = getGateway();
  holder.gateway = { ...bank, ...faults(bank) };
  return () => {
    holder.gateway = bank;
  };
}
