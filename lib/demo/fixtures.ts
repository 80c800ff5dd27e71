import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/passwords";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { withVat } from "@/lib/money";
import { catalogue } from "./catalogue";
import { DEMO_PASSWORD } from "./seed";

const DAY = 24 * 60 * 60 * 1000;

/**
 * A fresh customer shaped like mario.rossi (a PEC expiring soon with its renewal order awaiting
 * payment, and an SPID with automatic renewal), so that an e2e test can change things without
 * disturbing the demo accounts or other tests.
 */
export async function createTestCustomer() {
  const tag = randomBytes(5).toString("hex");
  const username = `qa.${tag}`;
  const pecAddress = `qa.${tag}@pec-demo.it`;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = now();
  const pecPrice = catalogue.find((p) => p.code === "PEC")!.yearlyPriceCents;
  const spidPrice = catalogue.find((p) => p.code === "SPID")!.yearlyPriceCents;

  const customer = await db.customer.create({
    data: {
      username,
      passwordHash,
      customerCode: `Q${tag.toUpperCase()}`,
      displayName: `Cliente QA ${tag}`,
      fiscalCode: `QA${tag.toUpperCase()}`,
      email: `${username}@example.it`,
      services: {
        create: [
          { productCode: "PEC", name: pecAddress, activatedAt: new Date(at.getTime() - 345 * DAY), expiresAt: new Date(at.getTime() + 20 * DAY), renewalPriceCents: pecPrice, pecMailbox: { create: { address: pecAddress, passwordHash } } },
          { productCode: "SPID", name: `SPID ${tag}`, activatedAt: new Date(at.getTime() - 100 * DAY), expiresAt: new Date(at.getTime() + 265 * DAY), autoRenewal: true, renewalPriceCents: spidPrice },
        ],
      },
    },
    select: { id: true, email: true, services: { select: { id: true, productCode: true } } },
  });
  const pecService = customer.services.find((s) => s.productCode === "PEC")!;
  const amounts = withVat(pecPrice);
  const order = await db.order.create({
    data: {
      number: `ORD-QA-${tag.toUpperCase()}`,
      customerId: customer.id,
      serviceId: pecService.id,
      kind: "RENEWAL",
      ...amounts,
      items: { create: [{ productCode: "PEC", description: `Rinnovo PEC ${pecAddress} – 1 anno`, ...amounts }] },
    },
    select: { id: true, number: true },
  });
  return { customerId: customer.id, username, pecAddress, password: DEMO_PASSWORD, email: customer.email, pecServiceId: pecService.id, order };
}
