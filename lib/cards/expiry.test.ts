import { describe, expect, it } from "vitest";
import { cardValidUntil, expiresBeforeRenewal, nextRenewalCharge } from "./expiry";

describe("card expiry and renewals", () => {
  it("a card is valid through the last day of its month", () => {
    expect(cardValidUntil({ expMonth: 2, expYear: 2028 }).toISOString()).toBe("2028-02-29T23:59:59.999Z");
    expect(cardValidUntil({ expMonth: 12, expYear: 2027 }).toISOString()).toBe("2027-12-31T23:59:59.999Z");
  });

  it("the next renewal is charged a week before the earliest renewing expiry", () => {
    expect(nextRenewalCharge([new Date("2027-06-20T10:00:00Z"), new Date("2027-03-10T10:00:00Z")])?.toISOString()).toBe("2027-03-03T10:00:00.000Z");
    expect(nextRenewalCharge([])).toBeNull();
  });

  it("warns when the card expires before the renewal it must pay, not after", () => {
    const charge = new Date("2027-03-03T10:00:00Z");
    expect(expiresBeforeRenewal({ expMonth: 2, expYear: 2027 }, charge)).toBe(true);
    expect(expiresBeforeRenewal({ expMonth: 3, expYear: 2027 }, charge)).toBe(false);
    expect(expiresBeforeRenewal({ expMonth: 1, expYear: 2020 }, null)).toBe(false);
  });
});
