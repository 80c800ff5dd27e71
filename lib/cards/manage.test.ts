import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { demoIds, seedDemoData } from "@/lib/demo/seed";
import { saveSandboxCard } from "@/lib/demo/sandbox-cards";
import { getCardRemoval } from "./card-choices";
import { removeCard, setRenewalCard } from "./manage";
import { getPaymentMethods } from "./payment-methods";
import { startCardVerification } from "./verify";

const db = getDb();
const SPID_CEILING = 3038;
const mario = { customerId: demoIds.mario, username: "mario.rossi" };

beforeAll(async () => {
  await seedDemoData(db);
});

/** A customer shaped like mario.rossi (SPID renewing on a saved Visa), optionally with a second card. */
async function customer(opts: { secondCard?: boolean } = {}) {
  const c = await createTestCustomer({ kind: "saved-card" });
  const viewer = { customerId: c.customerId, username: c.username };
  const { renewalCardId } = await db.customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { renewalCardId: true } });
  const second = opts.secondCard
    ? await db.$transaction((tx) => saveSandboxCard(tx, { customerId: c.customerId, number: "4000002760003184", holder: "Cliente QA", expMonth: 12, expYear: 2031 }))
    : null;
  return { ...c, viewer, cardId: renewalCardId!, secondId: second?.id ?? "" };
}

const renewalCardOf = async (customerId: string) => (await db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { renewalCardId: true } })).renewalCardId;
const spidRenews = async (customerId: string) => (await db.service.findFirstOrThrow({ where: { customerId, productCode: "SPID" } })).autoRenewal;

describe("choosing the renewal card", () => {
  it("needs the ceiling consent while a renewal is active, and records it with the new card", async () => {
    const c = await customer({ secondCard: true });
    await expect(setRenewalCard({ viewer: c.viewer, cardId: c.secondId, ceilingConsent: false })).rejects.toMatchObject({ code: "ceiling_consent_required" });
    await expect(setRenewalCard({ viewer: c.viewer, cardId: c.secondId, ceilingConsent: true, ceilingCents: 1 })).rejects.toMatchObject({ code: "ceiling_changed" });
    expect(await renewalCardOf(c.customerId)).toBe(c.cardId);
    expect(await setRenewalCard({ viewer: c.viewer, cardId: c.secondId, ceilingConsent: true, ceilingCents: SPID_CEILING, ip: "198.51.100.7" })).toEqual({ changed: true });
    expect(await renewalCardOf(c.customerId)).toBe(c.secondId);
    const methods = await getPaymentMethods(c.viewer);
    expect(methods.ceiling).toMatchObject({ amountCents: SPID_CEILING, card: { last4: "3184" } });
    expect(await db.auditLog.count({ where: { entityId: c.customerId, action: "card.renewal_card_set" } })).toBe(1);
    // Again (a double click): nothing changes, no second consent.
    expect(await setRenewalCard({ viewer: c.viewer, cardId: c.secondId, ceilingConsent: true, ceilingCents: SPID_CEILING })).toEqual({ changed: false });
    expect(await db.ceilingConsent.count({ where: { customerId: c.customerId } })).toBe(2);
  });

  it("without an active renewal, needs no ceiling", async () => {
    const c = await customer({ secondCard: true });
    await db.service.updateMany({ where: { customerId: c.customerId }, data: { autoRenewal: false } });
    expect(await setRenewalCard({ viewer: c.viewer, cardId: c.secondId, ceilingConsent: false })).toEqual({ changed: true });
    expect(await db.ceilingConsent.count({ where: { customerId: c.customerId } })).toBe(1);
  });

  it("refuses another customer's card, a removed one and a malformed id", async () => {
    const c = await customer();
    const marioCard = await renewalCardOf(demoIds.mario);
    await expect(setRenewalCard({ viewer: c.viewer, cardId: marioCard!, ceilingConsent: true, ceilingCents: SPID_CEILING })).rejects.toMatchObject({ code: "card_not_found" });
    await expect(setRenewalCard({ viewer: c.viewer, cardId: "x' OR 1=1", ceilingConsent: false })).rejects.toMatchObject({ code: "card_not_found" });
    expect(await renewalCardOf(demoIds.mario)).toBe(marioCard);
  });
});

describe("removing a card", () => {
  it("refuses the only card behind active renewals, with the services it pays", async () => {
    const c = await customer();
    const removal = await getCardRemoval(c.viewer, c.cardId);
    expect(removal).toMatchObject({ blocked: true, otherCards: [], ceilingCents: SPID_CEILING });
    expect(removal!.renewingServices).toEqual([expect.stringMatching(/^SPID /)]);
    await expect(removeCard({ viewer: c.viewer, cardId: c.cardId, choice: { kind: "remove" } })).rejects.toMatchObject({ code: "renewal_card_in_use" });
    expect(await db.card.count({ where: { customerId: c.customerId, removedAt: null } })).toBe(1);
  });

  it("removes it with the renewals turned off in the same step", async () => {
    const c = await customer();
    const result = await removeCard({ viewer: c.viewer, cardId: c.cardId, choice: { kind: "switch-off" } });
    expect(result.renewalsTurnedOff).toBe(1);
    expect(await spidRenews(c.customerId)).toBe(false);
    expect(await renewalCardOf(c.customerId)).toBeNull();
    expect((await getPaymentMethods(c.viewer))).toMatchObject({ cards: [], ceiling: null });
    expect(await db.email.count({ where: { to: c.email, template: "renewal-deactivated" } })).toBe(1);
    expect(await db.auditLog.findFirst({ where: { entityId: c.customerId, action: "card.removed" }, select: { data: true } })).toMatchObject({ data: { cardId: c.cardId, renewalsTurnedOff: 1 } });
    await expect(removeCard({ viewer: c.viewer, cardId: c.cardId, choice: { kind: "remove" } })).rejects.toMatchObject({ code: "card_not_found" });
  });

  it("removes it when another card takes over the renewals, with the ceiling consent", async () => {
    const c = await customer({ secondCard: true });
    const replace = (ceilingConsent: boolean, replacementCardId = c.secondId) =>
      removeCard({ viewer: c.viewer, cardId: c.cardId, choice: { kind: "replace", replacementCardId, ceilingConsent, ceilingCents: SPID_CEILING } });
    await expect(replace(false)).rejects.toMatchObject({ code: "ceiling_consent_required" });
    await expect(replace(true, c.cardId)).rejects.toMatchObject({ code: "replacement_not_found" });
    await expect(replace(true, (await renewalCardOf(demoIds.mario))!)).rejects.toMatchObject({ code: "replacement_not_found" });
    expect(await db.card.count({ where: { customerId: c.customerId, removedAt: null } })).toBe(2);
    await replace(true);
    expect(await renewalCardOf(c.customerId)).toBe(c.secondId);
    expect(await spidRenews(c.customerId)).toBe(true);
    expect(await db.ceilingConsent.findFirst({ where: { customerId: c.customerId }, orderBy: { createdAt: "desc" }, select: { cardId: true } })).toEqual({ cardId: c.secondId });
    expect((await getPaymentMethods(c.viewer)).cards.map((x) => x.last4)).toEqual(["3184"]);
  });

  it("removes a card that pays no renewal at once, and leaves the renewal card alone", async () => {
    const c = await customer({ secondCard: true });
    expect(await getCardRemoval(c.viewer, c.secondId)).toMatchObject({ blocked: false });
    await removeCard({ viewer: c.viewer, cardId: c.secondId, choice: { kind: "remove" } });
    expect(await renewalCardOf(c.customerId)).toBe(c.cardId);
    expect((await getPaymentMethods(c.viewer)).cards.map((x) => x.last4)).toEqual(["4242"]);
  });

  it("never touches another customer's card", async () => {
    const c = await customer();
    const marioCard = (await renewalCardOf(demoIds.mario))!;
    expect(await getCardRemoval(c.viewer, marioCard)).toBeNull();
    await expect(removeCard({ viewer: c.viewer, cardId: marioCard, choice: { kind: "switch-off" } })).rejects.toMatchObject({ code: "card_not_found" });
    expect((await getPaymentMethods(mario)).cards).toHaveLength(1);
    expect(await spidRenews(demoIds.mario)).toBe(true);
  });
});

describe("a login with the PEC mailbox's password", () => {
  it("can't change the account's cards: the mailbox opens the mailbox, not the cards", async () => {
    const c = await customer({ secondCard: true });
    const pecViewer = { ...c.viewer, pecServiceId: c.pecServiceId };
    await expect(setRenewalCard({ viewer: pecViewer, cardId: c.secondId, ceilingConsent: true, ceilingCents: SPID_CEILING })).rejects.toMatchObject({ code: "account_login_required" });
    await expect(removeCard({ viewer: pecViewer, cardId: c.cardId, choice: { kind: "switch-off" } })).rejects.toMatchObject({ code: "account_login_required" });
    await expect(startCardVerification({ viewer: pecViewer, forRenewals: false, ceilingConsent: false })).rejects.toMatchObject({ code: "account_login_required" });
    expect(await renewalCardOf(c.customerId)).toBe(c.cardId);
    expect(await spidRenews(c.customerId)).toBe(true);
    expect(await db.card.count({ where: { customerId: c.customerId, removedAt: { not: null } } })).toBe(0);
    expect(await db.cardVerification.count({ where: { customerId: c.customerId } })).toBe(0);
  });
});
