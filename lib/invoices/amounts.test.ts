import { describe, expect, it } from "vitest";
import { amountDue, isRegimeMistake } from "./amounts";

const invoice = { netCents: 10_000, totalCents: 12_200, balanceCents: 0 };

describe("amountDue", () => {
  it("asks for the total in the ordinary regime and the net in split payment", () => {
    expect(amountDue({ ...invoice, status: "UNPAID" }, "ORDINARY")).toBe(12_200);
    expect(amountDue({ ...invoice, status: "UNPAID" }, "SPLIT_PAYMENT")).toBe(10_000);
  });
  it("asks for the open balance only, in the ordinary regime, once part is paid", () => {
    const partial = { ...invoice, status: "PARTIALLY_PAID" as const, balanceCents: 2_200 };
    expect(amountDue(partial, "ORDINARY")).toBe(2_200);
    expect(amountDue(partial, "SPLIT_PAYMENT")).toBeNull();
  });
  it("asks for nothing on a paid invoice", () => {
    expect(amountDue({ ...invoice, status: "PAID" }, "ORDINARY")).toBeNull();
    expect(amountDue({ ...invoice, status: "PAID" }, "SPLIT_PAYMENT")).toBeNull();
  });
});

describe("isRegimeMistake", () => {
  it("flags a split payment on an ordinary invoice and the reverse", () => {
    expect(isRegimeMistake({ splitPayment: false }, { regime: "SPLIT_PAYMENT" })).toBe(true);
    expect(isRegimeMistake({ splitPayment: true }, { regime: "ORDINARY" })).toBe(true);
    expect(isRegimeMistake({ splitPayment: true }, { regime: "SPLIT_PAYMENT" })).toBe(false);
  });
});
