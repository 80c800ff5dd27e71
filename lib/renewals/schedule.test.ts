import { describe, expect, it } from "vitest";
import { ceilingCovers } from "@/lib/cards/renewal-setup";
import { cardNoticeDue, dailySlot, dueStage, inRenewalWindow, nextDailySlot, nextStageAt, parseDailyAt, renewalKey, romeDay, serviceNoticeDue, stageAt } from "./schedule";

const d = (iso: string) => new Date(iso);
const DAY = 86_400_000;

describe("charge stages", () => {
  const expiresAt = d("2027-06-15T08:00:00Z"); // 10:00 in Rome (summer time)

  it("falls 7, 5, 3 and 1 days before expiry, at the same Italian time", () => {
    expect([1, 2, 3, 4].map((s) => stageAt(expiresAt, s).toISOString())).toEqual([
      "2027-06-08T08:00:00.000Z", "2027-06-10T08:00:00.000Z", "2027-06-12T08:00:00.000Z", "2027-06-14T08:00:00.000Z",
    ]);
  });

  it("the due stage is the highest whose time has come", () => {
    expect(dueStage(expiresAt, d("2027-06-08T07:59:59Z"))).toBe(0);
    expect(dueStage(expiresAt, d("2027-06-08T08:00:00Z"))).toBe(1);
    expect(dueStage(expiresAt, d("2027-06-11T00:00:00Z"))).toBe(2);
    expect(dueStage(expiresAt, d("2027-06-13T12:00:00Z"))).toBe(3);
    expect(dueStage(expiresAt, d("2027-06-14T09:00:00Z"))).toBe(4);
    // A run that missed the first stages jumps to the one due: one charge, not three.
    expect(dueStage(expiresAt, d("2027-06-12T09:00:00Z"))).toBe(3);
  });

  it("retries are announced until the last stage", () => {
    expect(nextStageAt(expiresAt, 1)?.toISOString()).toBe("2027-06-10T08:00:00.000Z");
    expect(nextStageAt(expiresAt, 3)?.toISOString()).toBe("2027-06-14T08:00:00.000Z");
    expect(nextStageAt(expiresAt, 4)).toBeNull();
  });

  it("the renewal window opens at the first stage and closes at expiry", () => {
    expect(inRenewalWindow(expiresAt, d("2027-06-01T08:00:00Z"))).toBe(false);
    expect(inRenewalWindow(expiresAt, d("2027-06-08T08:00:00Z"))).toBe(true);
    expect(inRenewalWindow(expiresAt, expiresAt)).toBe(false);
  });

  it("crosses month ends", () => {
    const march = d("2027-03-03T11:00:00Z"); // 12:00 in Rome (winter time)
    expect(stageAt(march, 1).toISOString()).toBe("2027-02-24T11:00:00.000Z");
    const leap = d("2028-03-02T11:00:00Z");
    expect(stageAt(leap, 2).toISOString()).toBe("2028-02-26T11:00:00.000Z");
    expect(stageAt(d("2027-01-03T11:00:00Z"), 1).toISOString()).toBe("2026-12-27T11:00:00.000Z");
  });

  it("keeps the Italian time of day across daylight saving changes", () => {
    // Expiry on 30 March 2027 at 05:30 in Rome (summer time, 03:30 UTC): the first stage is
    // 23 March at 05:30 winter time (04:30 UTC), before a 06:00 daily run on that day.
    const spring = d("2027-03-30T03:30:00Z");
    expect(stageAt(spring, 1).toISOString()).toBe("2027-03-23T04:30:00.000Z");
    expect(dueStage(spring, d("2027-03-23T05:00:00Z"))).toBe(1); // 06:00 in Rome that day
    // Autumn: 2 November 2026 at 06:00 winter time; 7 days before is summer time.
    const autumn = d("2026-11-02T05:00:00Z");
    expect(stageAt(autumn, 1).toISOString()).toBe("2026-10-26T05:00:00.000Z");
    expect(stageAt(autumn, 4).toISOString()).toBe("2026-11-01T05:00:00.000Z");
    expect(stageAt(d("2026-10-30T05:00:00Z"), 1).toISOString()).toBe("2026-10-23T04:00:00.000Z");
  });

  it("names one period of one service", () => {
    expect(renewalKey("s1", expiresAt)).toBe("s1:2027-06-15T08:00:00.000Z");
  });
});

describe("notices", () => {
  const expiresAt = d("2027-06-15T08:00:00Z");
  it("service expiring without renewal: 30 days, then 7 days, none after expiry", () => {
    expect(serviceNoticeDue(expiresAt, d("2027-05-16T07:00:00Z"))).toBeNull();
    expect(serviceNoticeDue(expiresAt, d("2027-05-16T08:00:00Z"))).toBe(30);
    expect(serviceNoticeDue(expiresAt, d("2027-06-07T08:00:00Z"))).toBe(30);
    expect(serviceNoticeDue(expiresAt, d("2027-06-08T08:00:00Z"))).toBe(7);
    expect(serviceNoticeDue(expiresAt, expiresAt)).toBeNull();
  });

  it("card expiring before the next charge, announced 30 days before that charge", () => {
    const chargeAt = d("2027-06-08T08:00:00Z");
    const may = { expMonth: 5, expYear: 2027 };
    const june = { expMonth: 6, expYear: 2027 };
    expect(cardNoticeDue(may, chargeAt, d("2027-05-08T07:00:00Z"))).toBe(false); // 30 days + 1 hour before
    expect(cardNoticeDue(may, chargeAt, d("2027-05-09T08:00:00Z"))).toBe(true);
    expect(cardNoticeDue(june, chargeAt, d("2027-05-20T08:00:00Z"))).toBe(false); // still valid on 8 June
    expect(cardNoticeDue(may, chargeAt, chargeAt)).toBe(false); // charge time reached: the renewal fails instead
  });
});

describe("ceiling coverage", () => {
  const card = { id: "c1", brand: "Visa", last4: "4242", expMonth: 12, expYear: 2030, removedAt: null };
  const ceiling = { id: "k", amountCents: 3038, cardId: "c1", createdAt: new Date() };
  it("covers up to the authorised amount of the renewal card", () => {
    expect(ceilingCovers({ renewalCard: card, ceiling }, 3038)).toBe(true);
    expect(ceilingCovers({ renewalCard: card, ceiling }, 3039)).toBe(false);
    expect(ceilingCovers({ renewalCard: card, ceiling: { ...ceiling, cardId: "other" } }, 100)).toBe(false);
    expect(ceilingCovers({ renewalCard: null, ceiling }, 100)).toBe(false);
    expect(ceilingCovers({ renewalCard: card, ceiling: null }, 100)).toBe(false);
  });
});

describe("daily schedule", () => {
  it("reads HH:MM in Italian time, 06:00 by default", () => {
    expect(parseDailyAt("07:45")).toEqual({ hour: 7, minute: 45 });
    expect(parseDailyAt(undefined)).toEqual({ hour: 6, minute: 0 });
    expect(parseDailyAt("25:00")).toEqual({ hour: 6, minute: 0 });
  });
  it("one slot per Italian day, across daylight saving", () => {
    const six = parseDailyAt("06:00");
    expect(dailySlot(d("2027-03-27T20:00:00Z"), six).toISOString()).toBe("2027-03-27T05:00:00.000Z");
    expect(nextDailySlot(d("2027-03-27T05:00:00Z"), six).toISOString()).toBe("2027-03-28T04:00:00.000Z");
    expect(romeDay(d("2027-03-27T23:30:00Z"))).toBe("2027-03-28");
    expect(d("2027-03-28T04:00:00Z").getTime() - d("2027-03-27T05:00:00Z").getTime()).toBe(DAY - 3_600_000);
  });
});
