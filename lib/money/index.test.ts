import { describe, expect, it } from "vitest";
import { formatMoney, vatOn, withVat } from ".";

describe("money", () => {
  it("formats cents as EUR the Italian way", () => {
    expect(formatMoney(12200).replace(/\u00a0/g, " ")).toBe("122,00 €");
    expect(formatMoney(123456789).replace(/\u00a0/g, " ")).toBe("1.234.567,89 €");
  });

  it("computes VAT at 22% rounding half up to the cent", () => {
    expect(vatOn(10000)).toBe(2200);
    expect(vatOn(2500)).toBe(550);
    expect(vatOn(1)).toBe(0); // 0.22 cents
    expect(vatOn(3)).toBe(1); // 0.66 cents
    expect(withVat(4000)).toEqual({ netCents: 4000, vatCents: 880, totalCents: 4880 });
  });
});
