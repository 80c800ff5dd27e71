import { hashPassword } from "@/lib/auth/passwords";
import { sealTotpSecret } from "@/lib/auth/totp";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { OrderKind, ProductCode } from "@/lib/db/generated/enums";
import { createInvoice, type NewInvoice } from "@/lib/invoices/create";
import { withVat } from "@/lib/money";
import { isDemo } from "@/lib/ops/demo";
import { catalogue } from "./catalogue";
import { saveSandboxCard } from "./sandbox-cards";

export const DEMO_PASSWORD = "Demo1234!";
/**
 * The demo staff's authenticator secrets (base32), so that QA and the e2e tests can compute the
 * codes the mandatory second step asks for (README, "Demo accounts"). Demo only: the seed never
 * runs in production, where staff come from `npm run staff`.
 */
export const DEMO_STAFF_TOTP = { admin: "DEMOADMINTOTPSECRETBASE32AAAAAAA", supporto: "DEMOSUPPORTOTOTPSECRETBASE32AAAA" } as const;
const DAY = 24 * 60 * 60 * 1000;

// Fixed ids keep the demo data stable for QA and the documentation, and make the seed idempotent.
export const demoIds = {
  mario: "00000000-0000-4000-8000-000000000123",
  anna: "00000000-0000-4000-8000-000000000456",
  marioPec: "00000000-0000-4000-8000-000000001231",
  marioSpid: "00000000-0000-4000-8000-000000001232",
  marioFe: "00000000-0000-4000-8000-000000001233",
  marioFirma: "00000000-0000-4000-8000-000000001234",
  marioMarca: "00000000-0000-4000-8000-000000001235",
  annaPec: "00000000-0000-4000-8000-000000004561",
} as const;

type ServiceSeed = {
  id: string;
  product: ProductCode;
  name: string;
  expiresInDays: number | null;
  autoRenewal: boolean;
};

type OrderSeed = { number: string; serviceId: string; product: ProductCode; kind: OrderKind; description: string };

/** Creates what is missing and leaves alone what exists, so running it twice changes nothing. */
/** Why the demo seed must not run here, or null: never in production unless a declared demo. */
export function demoSeedRefusal(env: Record<string, string | undefined> = process.env): string | null {
  if (env.NODE_ENV !== "production" || isDemo(env)) return null;
  return `the demo seed refuses to run in production: it creates accounts with the published password ${DEMO_PASSWORD} and the sandbox's test cards. ` +
    "Create the first administrator with the staff-account command (README, \"Going live\"); for a declared demo set AREA_DEMO=1.";
}

export async function seedDemoData(db: PrismaClient, now: Date = new Date()) {
  const refusal = demoSeedRefusal();
  if (refusal) throw new Error(refusal);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const p of catalogue) {
    await db.product.upsert({ where: { code: p.code }, create: p, update: {} });
  }
  const price = (code: ProductCode) => catalogue.find((p) => p.code === code)!.yearlyPriceCents;

  async function customer(data: { id: string; username: string; customerCode: string; displayName: string; fiscalCode?: string; vatNumber?: string; email: string; publicBody?: boolean }) {
    await db.customer.upsert({ where: { username: data.username }, create: { ...data, passwordHash }, update: {} });
  }
  async function services(customerId: string, list: ServiceSeed[]) {
    for (const s of list) {
      const active = s.expiresInDays !== null;
      await db.service.upsert({
        where: { id: s.id },
        update: {},
        create: {
          id: s.id,
          customerId,
          productCode: s.product,
          name: s.name,
          status: active ? "ACTIVE" : "PENDING",
          activatedAt: active ? new Date(now.getTime() - (365 - s.expiresInDays!) * DAY) : null,
          expiresAt: active ? new Date(now.getTime() + s.expiresInDays! * DAY) : null,
          autoRenewal: s.autoRenewal,
          renewalPriceCents: price(s.product),
        },
      });
    }
  }
  async function orders(customerId: string, list: OrderSeed[], createdAt: Date) {
    for (const o of list) {
      const amounts = withVat(price(o.product));
      await db.order.upsert({
        where: { number: o.number },
        update: {},
        create: {
          number: o.number,
          customerId,
          serviceId: o.serviceId,
          kind: o.kind,
          createdAt,
          ...amounts,
          items: { create: [{ productCode: o.product, description: o.description, ...amounts }] },
        },
      });
    }
  }
  // Invoices issued before the portal kept payment records: the paid ones have no InvoicePayment.
  async function invoices(customerId: string, list: (Omit<NewInvoice, "customerId" | "issuedAt" | "dueAt" | "paidAt"> & { issuedDaysAgo: number; dueInDays?: number; paidDaysAgo?: number })[]) {
    for (const { issuedDaysAgo, dueInDays, paidDaysAgo, ...invoice } of list) {
      if (await db.invoice.findUnique({ where: { number: invoice.number }, select: { id: true } })) continue;
      await createInvoice(db, {
        ...invoice, customerId, issuedAt: new Date(now.getTime() - issuedDaysAgo * DAY),
        dueAt: dueInDays === undefined ? null : new Date(now.getTime() + dueInDays * DAY),
        paidAt: paidDaysAgo === undefined ? null : new Date(now.getTime() - paidDaysAgo * DAY),
      });
    }
  }
  async function pec(address: string, serviceId: string) {
    await db.pecMailbox.upsert({ where: { address }, create: { address, serviceId, passwordHash }, update: {} });
  }

  await customer({ id: demoIds.mario, username: "mario.rossi", customerCode: "C000123", displayName: "Mario Rossi", fiscalCode: "RSSMRA80A01H501U", email: "mario.rossi@example.it" });
  await services(demoIds.mario, [
    { id: demoIds.marioPec, product: "PEC", name: "mario.rossi@pec-demo.it", expiresInDays: 20, autoRenewal: false },
    { id: demoIds.marioSpid, product: "SPID", name: "SPID Mario Rossi", expiresInDays: 210, autoRenewal: true },
    { id: demoIds.marioFe, product: "FATTURAZIONE_ELETTRONICA", name: "Fatturazione Elettronica RSSMRA80A01H501U", expiresInDays: 150, autoRenewal: true },
    { id: demoIds.marioFirma, product: "FIRMA_DIGITALE", name: "Firma Digitale Remota RSSMRA80A01H501U", expiresInDays: 300, autoRenewal: false },
    { id: demoIds.marioMarca, product: "MARCA_TEMPORALE", name: "Marca Temporale – 100 marche", expiresInDays: null, autoRenewal: false },
  ]);
  await pec("mario.rossi@pec-demo.it", demoIds.marioPec);
  // Mario's renewals (SPID, Fatturazione Elettronica) are paid by his saved Visa, within the
  // ceiling he authorised: the highest renewal, 25.00 + VAT.
  if ((await db.card.count({ where: { customerId: demoIds.mario } })) === 0) {
    const visa = await saveSandboxCard(db, { customerId: demoIds.mario, number: "4242424242424242", holder: "Mario Rossi", expMonth: 12, expYear: 2028 });
    await db.customer.update({ where: { id: demoIds.mario }, data: { renewalCardId: visa.id } });
    await db.ceilingConsent.create({ data: { customerId: demoIds.mario, cardId: visa.id, amountCents: withVat(price("FATTURAZIONE_ELETTRONICA")).totalCents, createdAt: new Date(now.getTime() - 100 * DAY) } });
  }
  await orders(demoIds.mario, [
    { number: "ORD-2026-000101", serviceId: demoIds.marioPec, product: "PEC", kind: "RENEWAL", description: "Rinnovo PEC mario.rossi@pec-demo.it – 1 anno" },
    { number: "ORD-2026-000102", serviceId: demoIds.marioMarca, product: "MARCA_TEMPORALE", kind: "PURCHASE", description: "Marca Temporale – 100 marche" },
  ], new Date(now.getTime() - 2 * DAY));
  await invoices(demoIds.mario, [
    { number: "FT-2026-000101", issuedDaysAgo: 10, dueInDays: 20, lines: [{ description: "Servizi di certificazione digitale – canone annuo", unitNetCents: 10000 }] },
    { number: "FT-2026-000045", issuedDaysAgo: 100, dueInDays: -70, paidDaysAgo: 98, status: "PAID", lines: [{ description: "SPID – attivazione e primo anno", unitNetCents: price("SPID") }] },
  ]);

  await customer({ id: demoIds.anna, username: "anna.bianchi", customerCode: "C000456", displayName: "Comune di Esempio – Anna Bianchi", fiscalCode: "80012345678", vatNumber: "01234567890", email: "anna.bianchi@example.it", publicBody: true });
  await services(demoIds.anna, [
    { id: demoIds.annaPec, product: "PEC", name: "protocollo@pec-demo.it", expiresInDays: 45, autoRenewal: false },
  ]);
  await pec("protocollo@pec-demo.it", demoIds.annaPec);
  await orders(demoIds.anna, [
    { number: "ORD-2026-000201", serviceId: demoIds.annaPec, product: "PEC", kind: "RENEWAL", description: "Rinnovo PEC protocollo@pec-demo.it – 1 anno" },
  ], new Date(now.getTime() - 1 * DAY));
  await invoices(demoIds.anna, [
    { number: "FT-2026-000102", issuedDaysAgo: 7, dueInDays: 23, splitPayment: true, lines: [{ description: "Conservazione digitale a norma – canone annuo", unitNetCents: 25000 }] },
    { number: "FT-2026-000046", issuedDaysAgo: 90, dueInDays: -60, paidDaysAgo: 85, splitPayment: true, status: "PAID", lines: [{ description: "Docfly Conservazione – canone annuo", unitNetCents: price("CONSERVAZIONE") }] },
  ]);

  for (const staff of [
    { username: "admin", displayName: "Amministrazione", role: "AMMINISTRAZIONE" as const },
    { username: "supporto", displayName: "Supporto Tecnico", role: "SUPPORTO_TECNICO" as const },
  ]) {
    const row = await db.staffUser.upsert({ where: { username: staff.username }, create: { ...staff, passwordHash }, update: {}, select: { id: true } });
    const owner = { staffId: row.id };
    if ((await db.totpFactor.count({ where: owner })) === 0) {
      await db.totpFactor.create({ data: { ...owner, secretEnc: sealTotpSecret(DEMO_STAFF_TOTP[staff.username as keyof typeof DEMO_STAFF_TOTP], owner), confirmedAt: now } });
    }
  }
}
