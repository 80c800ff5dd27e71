import { describe, expect, it } from "vitest";
import { paymentActions, settlementRefusal, type InvoiceFacts, type PaymentFacts } from "./rules";

// An ordinary invoice paid in Split Payment is left partially paid, its VAT the next balance.
const vatOwed: InvoiceFacts = { status: "PARTIALLY_PAID", splitPayment: false, balanceSeq: 2 };
const splitByMistake: PaymentFacts = { status: "SUCCEEDED", regime: "SPLIT_PAYMENT", balanceSeq: 1, refundOwed: false, refunded: false, settlement: null };

describe("settling a payment made in the wrong VAT regime", () => {
  it("offers both settlements for a split payment on an ordinary invoice whose VAT is still owed", () => {
    expect(paymentActions(vatOwed, splitByMistake)).toEqual({ resend: true, vat: true, refund: true });
  });

  it("offers only the refund for an ordinary payment on a split-payment invoice (the VAT was overpaid)", () => {
    const invoice: InvoiceFacts = { status: "PAID", splitPayment: true, balanceSeq: 1 };
    const payment = { ...splitByMistake, regime: "ORDINARY" as const };
    expect(settlementRefusal(invoice, payment, "vat")).toBe("vat_not_owed");
    expect(settlementRefusal(invoice, payment, "refund")).toBeNull();
  });

  it("refuses a payment in the invoice's own regime", () => {
    expect(settlementRefusal({ ...vatOwed, status: "PAID", balanceSeq: 1 }, { ...splitByMistake, regime: "ORDINARY" }, "refund")).toBe("not_regime_mistake");
  });

  it("refuses a payment that did not succeed", () => {
    for (const status of ["CREATED", "SENT", "REQUIRES_ACTION", "FAILED"] as const) {
      expect(settlementRefusal(vatOwed, { ...splitByMistake, status }, "vat")).toBe("payment_not_succeeded");
    }
    expect(paymentActions(vatOwed, { ...splitByMistake, status: "FAILED" })).toEqual({ resend: false, vat: false, refund: false });
  });

  it("settles once: after the VAT was asked for or paid, or a refund, nothing more applies", () => {
    const vatPaid: InvoiceFacts = { ...vatOwed, status: "PAID" };
    const refunding: InvoiceFacts = { ...vatOwed, status: "REFUND_PENDING" };
    const reopened: InvoiceFacts = { ...vatOwed, status: "UNPAID", balanceSeq: 3 };
    for (const invoice of [vatPaid, refunding, reopened]) {
      expect(settlementRefusal(invoice, splitByMistake, "vat")).toBe("already_settled");
      expect(settlementRefusal(invoice, splitByMistake, "refund")).toBe("already_settled");
    }
    expect(settlementRefusal(vatOwed, { ...splitByMistake, settlement: "vat" }, "refund")).toBe("already_settled");
    expect(settlementRefusal(vatOwed, { ...splitByMistake, refundOwed: true }, "refund")).toBe("already_settled");
  });

  it("never offers to resend the quietanza of a payment refunded or being refunded", () => {
    expect(paymentActions(vatOwed, { ...splitByMistake, refundOwed: true }).resend).toBe(false);
    expect(paymentActions(vatOwed, { ...splitByMistake, refunded: true }).resend).toBe(false);
  });
});
