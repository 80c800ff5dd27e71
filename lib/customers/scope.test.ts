import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { demoIds, seedDemoData } from "@/lib/demo/seed";
import { getOrderDetail, listOrders, countAwaitingOrders } from "@/lib/orders/queries";
import { listFailedRenewals } from "@/lib/renewals/queries";
import { getHomeOverview, getServiceDetail, listServices } from "@/lib/services/queries";

const mario = { customerId: demoIds.mario, username: "mario.rossi" };
const marioByPec = { ...mario, pecServiceId: demoIds.marioPec };
const anna = { customerId: demoIds.anna, username: "anna.bianchi" };

beforeAll(async () => {
  await seedDemoData(getDb());
});

describe("what a customer can see", () => {
  it("lists only the customer's own services and orders", async () => {
    expect((await listServices(mario)).map((s) => s.name)).toHaveLength(5);
    expect((await listServices(anna)).map((s) => s.name)).toEqual(["protocollo@pec-demo.it"]);
    expect((await listOrders(anna)).map((o) => o.number)).toEqual(["ORD-2026-000201"]);
    expect(await countAwaitingOrders(mario)).toBe(2);
  });

  it("answers null for another customer's service or order, and for ids that are not ids", async () => {
    const marioOrder = (await listOrders(mario))[0];
    expect(await getOrderDetail(mario, marioOrder.id)).not.toBeNull();
    expect(await getOrderDetail(anna, marioOrder.id)).toBeNull();
    expect(await getServiceDetail(anna, demoIds.marioPec)).toBeNull();
    expect(await getServiceDetail(mario, "../../etc/passwd")).toBeNull();
    expect(await getOrderDetail(mario, "'; DROP TABLE \"Order\"; --")).toBeNull();
  });

  it("limits a PEC login to that mailbox and its orders", async () => {
    expect((await listServices(marioByPec)).map((s) => s.id)).toEqual([demoIds.marioPec]);
    expect(await getServiceDetail(marioByPec, demoIds.marioSpid)).toBeNull();
    expect(await getServiceDetail(marioByPec, demoIds.marioPec)).not.toBeNull();
    const orders = await listOrders(marioByPec);
    expect(orders.map((o) => o.number)).toEqual(["ORD-2026-000101"]);
    const marca = (await listOrders(mario)).find((o) => o.number === "ORD-2026-000102")!;
    expect(await getOrderDetail(marioByPec, marca.id)).toBeNull();
  });

  it("filters orders by status and derives the renewal state from the product", async () => {
    expect(await listOrders(mario, { status: "PAID" })).toEqual([]);
    expect((await listOrders(mario, { status: "AWAITING_PAYMENT" })).length).toBe(2);
    const renewal = Object.fromEntries((await listServices(mario)).map((s) => [s.productCode, s.renewal]));
    expect(renewal).toEqual({ PEC: "off", SPID: "on", FATTURAZIONE_ELETTRONICA: "on", FIRMA_DIGITALE: "unavailable", MARCA_TEMPORALE: "unavailable" });
  });
});

describe("the home page's one query", () => {
  it("shows what the separate queries show, within the same scope", async () => {
    for (const viewer of [mario, marioByPec, anna]) {
      const home = await getHomeOverview(viewer);
      expect(home.services).toEqual(await listServices(viewer));
      expect(home.awaitingOrders).toBe(await countAwaitingOrders(viewer));
      expect(home.failedRenewals).toEqual(await listFailedRenewals(viewer));
    }
    expect((await getHomeOverview(marioByPec)).services.map((s) => s.id)).toEqual([demoIds.marioPec]);
    expect((await getHomeOverview(mario)).awaitingOrders).toBe(2);
  });

  it("names the renewal card on the home page and on the service page", async () => {
    const card = (await getHomeOverview(mario)).renewalCard;
    expect(card).toMatch(/•••• \d{4}$/);
    expect((await getServiceDetail(mario, demoIds.marioSpid))?.renewalCard).toBe(card);
  });
});

describe("demo data", () => {
  it("is seeded once however many times the seed runs", async () => {
    await seedDemoData(getDb());
    const db = getDb();
    expect(await db.customer.count()).toBe(2);
    expect(await db.order.count()).toBe(3);
    expect(await db.staffUser.findMany({ select: { username: true, role: true }, orderBy: { username: "asc" } })).toEqual([
      { username: "admin", role: "AMMINISTRAZIONE" },
      { username: "supporto", role: "SUPPORTO_TECNICO" },
    ]);
    const pec = await db.service.findUniqueOrThrow({ where: { id: demoIds.marioPec }, select: { expiresAt: true } });
    const days = (pec.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(19);
    expect(days).toBeLessThanOrEqual(20);
  });
});
