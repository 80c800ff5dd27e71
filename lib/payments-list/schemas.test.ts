import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { paymentsListInput, todayInRome } from "./schemas";

// 23:30 UTC on 31 March is already 1 April in Rome.
beforeEach(() => setClock(new Date("2026-03-31T23:30:00Z")));
afterEach(() => resetClock());

const valid = { customerCode: " c000123 ", taxId: "rss mra 80a01 h501u", from: "2026-01-01", to: "2026-04-01" };
const issues = (input: object) => {
  const r = paymentsListInput.safeParse({ ...valid, ...input });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("paymentsListInput", () => {
  it("normalises the customer code and the tax id", () => {
    expect(todayInRome()).toBe("2026-04-01");
    expect(paymentsListInput.parse(valid)).toEqual({ customerCode: "C000123", taxId: "RSSMRA80A01H501U", from: "2026-01-01", to: "2026-04-01" });
    expect(paymentsListInput.parse({ ...valid, taxId: "it 0123 4567 890" }).taxId).toBe("01234567890");
  });

  it("says what is wrong with each field", () => {
    expect(issues({ customerCode: "  ", taxId: "" })).toEqual(["customerCode:required", "taxId:required"]);
    expect(issues({ customerCode: "C".repeat(41) })).toEqual(["customerCode:tooLong"]);
    expect(issues({ from: "", to: "2026-02-30" })).toEqual(["from:required", "to:invalidDate"]);
    expect(issues({ from: "01/02/2026" })).toEqual(["from:invalidDate"]);
  });

  it("refuses a period that ends before it starts, lies in the future or spans 5 years or more", () => {
    expect(issues({ from: "2026-03-01", to: "2026-02-28" })).toEqual(["to:toBeforeFrom"]);
    expect(issues({ to: "2026-04-02" })).toEqual(["to:future"]);
    expect(issues({ from: "2026-04-02", to: "2026-04-02" })).toEqual(["from:future", "to:future"]);
    expect(issues({ from: "2021-04-02", to: "2026-04-01" })).toEqual([]);
    expect(issues({ from: "2021-04-01", to: "2026-04-01" })).toEqual(["to:periodTooLong"]);
    expect(issues({ from: "2026-04-01", to: "2026-04-01" })).toEqual([]);
  });
});
