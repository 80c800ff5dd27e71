import { describe, expect, it } from "vitest";
import { withoutCardNumbers } from "./card-numbers";

describe("withoutCardNumbers", () => {
  it("removes Luhn-valid card numbers, written together, with spaces or dashes", () => {
    expect(withoutCardNumbers("card 4242424242424242 declined")).toBe("card [card number removed] declined");
    expect(withoutCardNumbers("4000 0027 6000 3184")).toBe("[card number removed]");
    expect(withoutCardNumbers("5555-5555-5555-4444!")).toBe("[card number removed]!");
  });

  it("keeps other numbers: ids, amounts, dates, timestamps, short or Luhn-invalid runs", () => {
    const kept = ["order ORD-2026-000123", "12200 cents", "2026-11-29", "1764421200000", "4242424242424241", "last four 4242"];
    for (const text of kept) expect(withoutCardNumbers(text)).toBe(text);
  });
});
