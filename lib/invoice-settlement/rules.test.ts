import { describe, expect, it } from "vitest";
import { paymentActions, settlementRefusal, type InvoiceFacts, type PaymentFacts } from "./rules";

const ordinaryPaid: InvoiceFacts = { status: "PAID", splitPayment: false, balanceSeq: 1 };
const splitByMistake: PaymentFacts = { status: "SUCCEEDED", regime: "SPLIT_PAYMENT", balanceSeq: 1, refundedCents: 0 };

describe("settling a payment made in the wrong VAT regime", () => {
  it("offers both settlements for a split payment on an ordinary invoice", () => {
    expect(paymentActions(ordinaryPaid, splitByMistake)).toEqual({ resend: true, vat: true, refund: true });
  });

  it("offers only the refund for an ordinary payment on a split-payment invoice (the VAT was overpaid)", () => {
    const invoice = { ...ordinaryPaid, splitPayment: true };
    const payment = { ...splitByMistake, regime: "ORDINARY" as const };
    expect(settlementRefusal(invoice, payment, "vat")).toBe("vat_not_owed");
    expect(settlementRefusal(invoice, payment, "refund")).toBeNull();
  });

  it("refuses a payment in the invoice's own regime", () => {
    expect(settlementRefusal(ordinaryPaid, { ...splitByMistake, regime: "ORDINARY" }, "refund")).toBe("not_regime_mistake");
  });

  it("refuses a payment that did not succeed", () => {
    for (const status of ["CREATED", "SENT", "REQUIRES_ACTION", "FAILED"] as const) {
      expect(settlementRefusal(ordinaryPaid, { ...splitByMistake, status }, "vat")).toBe("payment_not_succeeded");
    }
    expect(paymentActions(ordinaryPaid, { ...splitByMistake, status: "FAILED" })).toEqual({ resend: false, vat: false, refund: false });
  });

  it("settles once: after the VAT was asked for, or after a refund, nothing more applies", () => {
    const vatOpened = { ...ordinaryPaid, status: "PARTIALLY_PAID" as const, balanceSeq: 2 };
    const vatPaid = { ...ordinaryPaid, balanceSeq: 2 };
    const reopened = { ...ordinaryPaid, status: "UNPAID" as const, balanceSeq: 2 };
    for (const invoice of [vatOpened, vatPaid, reopened]) {
      expect(settlementRefusal(invoice, splitByMistake, "vat")).toBe("already_settled");
      expect(settlementRefusal(invoice, splitByMistake, "refund")).toBe("already_settled");
    }
    expect(settlementRefusal(ordinaryPaid, { ...splitByMistake, refundedCents: 10_000 }, "refund")).toBe("already_settled");
  });
});
