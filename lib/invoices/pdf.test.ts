import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { demoIds, seedDemoData } from "@/lib/demo/seed";
import { renderInvoicePdf } from "./pdf";
import { getInvoiceForPdf } from "./queries";

const db = getDb();
const mario = { customerId: demoIds.mario, username: "mario.rossi" };
const anna = { customerId: demoIds.anna, username: "anna.bianchi" };

async function pdfText(viewer: { customerId: string; username: string }, number: string) {
  const { id } = await db.invoice.findUniqueOrThrow({ where: { number }, select: { id: true } });
  const invoice = await getInvoiceForPdf(viewer, id);
  const pdf = await renderInvoicePdf(invoice!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\u00a0/g, " ").replace(/\s+/g, " ");
}

beforeAll(async () => {
  await seedDemoData(db);
});

describe("the invoice PDF", () => {
  it("prints issuer, customer, number, lines and amounts of an ordinary invoice", async () => {
    const text = await pdfText(mario, "FT-2026-000101");
    for (const expected of ["Area Clienti S.p.A.", "Fattura FT-2026-000101", "Mario Rossi", "C000123", "RSSMRA80A01H501U", "Servizi di certificazione digitale – canone annuo",
      "Imponibile 100,00 €", "IVA 22% 22,00 €", "Totale fattura 122,00 €", "Regime IVA Ordinario", "Da pagare"]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("17-ter");
  });

  it("prints the split payment wording and the amount payable (the net) for a public body", async () => {
    const text = await pdfText(anna, "FT-2026-000102");
    for (const expected of ["Comune di Esempio – Anna Bianchi", "C000456", "80012345678", "01234567890", "Totale fattura 305,00 €", "Scissione dei pagamenti – art. 17-ter DPR 633/1972", "Importo da pagare: 250,00 €"]) {
      expect(text).toContain(expected);
    }
  });

  it("says when a paid invoice was paid", async () => {
    expect(await pdfText(mario, "FT-2026-000045")).toMatch(/Stato Pagata il \d{1,2} \w+ 2026/);
  });

  it("is only for the owner, with an account login, and a malformed id finds nothing", async () => {
    const { id } = await db.invoice.findUniqueOrThrow({ where: { number: "FT-2026-000101" }, select: { id: true } });
    expect(await getInvoiceForPdf(anna, id)).toBeNull();
    const other = await createTestCustomer({ invoices: true });
    expect(await getInvoiceForPdf(mario, other.invoices[0].id)).toBeNull();
    expect(await getInvoiceForPdf({ ...mario, pecServiceId: demoIds.marioPec }, id)).toBeNull();
    expect(await getInvoiceForPdf(mario, "not-a-uuid")).toBeNull();
    expect(await getInvoiceForPdf(mario, id)).not.toBeNull();
  });
});
