import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getRenewalSetup } from "@/lib/cards/renewal-setup";
import { resetClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { demoIds, seedDemoData } from "@/lib/demo/seed";
import { RenewalSwitchError, switchOffRenewals, turnOffRenewal, turnOnRenewal } from "./renewal-switch";

const db = getDb();
const client = { ip: "203.0.113.7", userAgent: "vitest" };

beforeAll(async () => {
  await seedDemoData(db);
});
beforeEach(() => resetClock());

async function customer(input: Parameters<typeof createTestCustomer>[0] = { kind: "saved-card" }) {
  const c = await createTestCustomer(input);
  const services = await db.service.findMany({ where: { customerId: c.customerId }, select: { id: true, productCode: true } });
  const id = (code: string) => services.find((s) => s.productCode === code)?.id as string;
  return { ...c, viewer: { customerId: c.customerId, username: c.username }, spidId: id("SPID"), conservazioneId: id("CONSERVAZIONE") };
}

const templates = (to: string) => db.email.findMany({ where: { to }, select: { template: true, props: true }, orderBy: { createdAt: "asc" } });
const autoRenewal = async (id: string) => (await db.service.findUniqueOrThrow({ where: { id }, select: { autoRenewal: true } })).autoRenewal;
const audits = (entityId: string, action: string) => db.auditLog.count({ where: { entity: "service", entityId, action } });
const refusal = (code: string) => expect.objectContaining({ name: "RenewalSwitchError", code });

describe("turning automatic renewal on", () => {
  it("turns it on when the ceiling covers the renewal, audits it and e-mails once however many clicks", async () => {
    const c = await customer();
    const consentsBefore = await db.ceilingConsent.count({ where: { customerId: c.customerId } });
    const results = await Promise.all([1, 2, 3].map(() => turnOnRenewal({ viewer: c.viewer, serviceId: c.pecServiceId, ceilingConsent: false, ...client })));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await autoRenewal(c.pecServiceId)).toBe(true);
    expect(await audits(c.pecServiceId, "renewal.on")).toBe(1);
    const mails = await templates(c.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "renewal-activated", props: { serviceName: c.pecAddress, productName: "PEC", card: "Visa •••• 4242", renewalTotalCents: 1098 } });
    // PEC at 10,98 € is within the SPID ceiling of 30,38 €: no new consent.
    expect(await db.ceilingConsent.count({ where: { customerId: c.customerId } })).toBe(consentsBefore);
  });

  it("asks for a new ceiling when the renewal price, VAT included, exceeds the one in force, and records it when consented", async () => {
    const c = await customer({ kind: "saved-card", conservazione: true });
    const card = (await db.customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { renewalCardId: true } })).renewalCardId;

    const asked = turnOnRenewal({ viewer: c.viewer, serviceId: c.conservazioneId, ceilingConsent: false, ...client });
    await expect(asked).rejects.toBeInstanceOf(RenewalSwitchError);
    await expect(asked).rejects.toMatchObject({ code: "ceiling_consent_required", ceiling: { amountCents: 7320, card: "Visa •••• 4242" } });
    expect(await autoRenewal(c.conservazioneId)).toBe(false);
    expect((await getRenewalSetup(c.customerId)).ceiling?.amountCents).toBe(3038);
    expect(await templates(c.email)).toEqual([]);

    expect(await turnOnRenewal({ viewer: c.viewer, serviceId: c.conservazioneId, ceilingConsent: true, ...client })).toEqual({ changed: true });
    expect(await autoRenewal(c.conservazioneId)).toBe(true);
    const setup = await getRenewalSetup(c.customerId);
    expect(setup.ceiling).toMatchObject({ amountCents: 7320, cardId: card });
    const consent = await db.ceilingConsent.findUniqueOrThrow({ where: { id: setup.ceiling!.id }, select: { ip: true, userAgent: true } });
    expect(consent).toEqual(client);
    expect(await db.auditLog.count({ where: { entityId: c.customerId, action: "ceiling.authorized" } })).toBe(1);
    expect((await templates(c.email)).map((m) => m.template)).toEqual(["renewal-activated"]);
  });

  it("does not ask for a ceiling again once it covers the service", async () => {
    const c = await customer({ kind: "saved-card", conservazione: true });
    await turnOnRenewal({ viewer: c.viewer, serviceId: c.conservazioneId, ceilingConsent: true, ...client });
    await turnOffRenewal({ viewer: c.viewer, serviceId: c.conservazioneId, ...client });
    expect(await turnOnRenewal({ viewer: c.viewer, serviceId: c.conservazioneId, ceilingConsent: false, ...client })).toEqual({ changed: true });
    expect(await db.ceilingConsent.count({ where: { customerId: c.customerId } })).toBe(2);
  });

  it("refuses without a renewal card, even when other cards are saved, and changes nothing", async () => {
    const c = await customer({ kind: "no-card" });
    await expect(turnOnRenewal({ viewer: c.viewer, serviceId: c.pecServiceId, ceilingConsent: true, ...client })).rejects.toEqual(refusal("no_card"));
    expect(await autoRenewal(c.pecServiceId)).toBe(false);

    const saved = await customer();
    await db.customer.update({ where: { id: saved.customerId }, data: { renewalCardId: null } });
    await expect(turnOnRenewal({ viewer: saved.viewer, serviceId: saved.pecServiceId, ceilingConsent: true, ...client })).rejects.toEqual(refusal("no_card"));
    expect(await autoRenewal(saved.pecServiceId)).toBe(false);
    expect(await db.ceilingConsent.count({ where: { customerId: { in: [c.customerId, saved.customerId] } } })).toBe(1);
    expect(await templates(c.email)).toEqual([]);
    expect(await templates(saved.email)).toEqual([]);
  });

  it("refuses Firma Digitale and Marca Temporale, and a service that is not active", async () => {
    const c = await customer();
    const make = (productCode: "FIRMA_DIGITALE" | "MARCA_TEMPORALE" | "SPID", status: "ACTIVE" | "PENDING") =>
      db.service.create({ data: { customerId: c.customerId, productCode, name: `${productCode} ${status}`, status, renewalPriceCents: 1800 }, select: { id: true } });
    for (const code of ["FIRMA_DIGITALE", "MARCA_TEMPORALE"] as const) {
      const { id } = await make(code, "ACTIVE");
      await expect(turnOnRenewal({ viewer: c.viewer, serviceId: id, ceilingConsent: true })).rejects.toEqual(refusal("unavailable"));
      await expect(turnOffRenewal({ viewer: c.viewer, serviceId: id })).rejects.toEqual(refusal("unavailable"));
      expect(await autoRenewal(id)).toBe(false);
    }
    const pending = await make("SPID", "PENDING");
    await expect(turnOnRenewal({ viewer: c.viewer, serviceId: pending.id, ceilingConsent: true })).rejects.toEqual(refusal("not_active"));
    expect(await autoRenewal(pending.id)).toBe(false);
    expect(await templates(c.email)).toEqual([]);
  });
});

describe("turning automatic renewal off", () => {
  it("turns it off, audits it and sends the renewal-deactivated e-mail once, with the expiry", async () => {
    const c = await customer();
    const { expiresAt } = await db.service.findUniqueOrThrow({ where: { id: c.spidId }, select: { expiresAt: true } });
    const results = await Promise.all([1, 2].map(() => turnOffRenewal({ viewer: c.viewer, serviceId: c.spidId, ...client })));
    expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
    expect(await autoRenewal(c.spidId)).toBe(false);
    expect(await audits(c.spidId, "renewal.off")).toBe(1);
    expect(await templates(c.email)).toEqual([
      { template: "renewal-deactivated", props: { name: expect.any(String), serviceName: expect.stringMatching(/^SPID /), productName: "SPID", expiresAt: expiresAt!.toISOString() } },
    ]);
  });

  it("switchOffRenewals turns off every renewing service of the customer in the caller's transaction, once", async () => {
    const c = await customer();
    await turnOnRenewal({ viewer: c.viewer, serviceId: c.pecServiceId, ceilingConsent: false });
    const first = await db.$transaction((tx) => switchOffRenewals(tx, { customerId: c.customerId, actor: "system" }));
    const second = await db.$transaction((tx) => switchOffRenewals(tx, { customerId: c.customerId, actor: "system" }));
    expect([first, second]).toEqual([2, 0]);
    expect([await autoRenewal(c.pecServiceId), await autoRenewal(c.spidId)]).toEqual([false, false]);
    expect((await templates(c.email)).map((m) => m.template)).toEqual(["renewal-activated", "renewal-deactivated", "renewal-deactivated"]);
    expect(await db.auditLog.count({ where: { entityId: { in: [c.pecServiceId, c.spidId] }, action: "renewal.off", actor: "system" } })).toBe(2);
  });

  it("switchOffRenewals leaves the services not listed, and rolls back with its transaction", async () => {
    const c = await customer();
    await turnOnRenewal({ viewer: c.viewer, serviceId: c.pecServiceId, ceilingConsent: false });
    await expect(
      db.$transaction(async (tx) => {
        await switchOffRenewals(tx, { customerId: c.customerId, actor: "system" });
        throw new Error("card removal failed");
      }),
    ).rejects.toThrow("card removal failed");
    expect([await autoRenewal(c.pecServiceId), await autoRenewal(c.spidId)]).toEqual([true, true]);
    expect(await db.$transaction((tx) => switchOffRenewals(tx, { customerId: c.customerId, serviceIds: [c.spidId], actor: "system" }))).toBe(1);
    expect([await autoRenewal(c.pecServiceId), await autoRenewal(c.spidId)]).toEqual([true, false]);
  });
});

describe("who may switch", () => {
  it("a PEC login switches only its mailbox", async () => {
    const c = await customer();
    const pecViewer = { ...c.viewer, pecServiceId: c.pecServiceId };
    await expect(turnOffRenewal({ viewer: pecViewer, serviceId: c.spidId })).rejects.toEqual(refusal("not_found"));
    expect(await autoRenewal(c.spidId)).toBe(true);
    expect(await turnOnRenewal({ viewer: pecViewer, serviceId: c.pecServiceId, ceilingConsent: false })).toEqual({ changed: true });
  });

  it("another customer's service, or an id that is not one, is not found", async () => {
    const c = await customer();
    const mario = { customerId: demoIds.mario, username: "mario.rossi" };
    await expect(turnOnRenewal({ viewer: c.viewer, serviceId: demoIds.marioPec, ceilingConsent: true })).rejects.toEqual(refusal("not_found"));
    await expect(turnOffRenewal({ viewer: c.viewer, serviceId: demoIds.marioSpid })).rejects.toEqual(refusal("not_found"));
    await expect(turnOffRenewal({ viewer: mario, serviceId: c.spidId })).rejects.toEqual(refusal("not_found"));
    await expect(turnOffRenewal({ viewer: c.viewer, serviceId: "not-a-uuid" })).rejects.toEqual(refusal("not_found"));
    expect(await autoRenewal(demoIds.marioSpid)).toBe(true);
    expect(await autoRenewal(c.spidId)).toBe(true);
  });
});
