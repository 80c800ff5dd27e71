import { onTestFinished } from "vitest";
import type { PaymentGateway } from "@/lib/gateway";
import { getGateway } from "@/lib/gateway";

type Holder = { gateway?: PaymentGateway };

/**
 * Puts a wrapper around the configured bank for one test: `faults` replaces some of its calls
 * (a bank that does not answer, a refund service that is down, a late charge), everything else is
 * the real bank. The real one is back when the test ends, or earlier by the function returned.
 */
export function interceptGateway(faults: (bank: PaymentGateway) => Partial<PaymentGateway>): () => void {
  const holder = (globalThis as { __areaGateway?: Holder }).__areaGateway!;
  const bank = getGateway();
  holder.gateway = { ...bank, ...faults(bank) };
  const restore = () => {
    holder.gateway = bank;
  };
  onTestFinished(restore);
  return restore;
}
