import { beforeAll, describe, expect, it } from "vitest";
import { prepareInvoicePayment } from "./lookup";
import { lookupLimits } from "./rate-limit";
import { freshIp, seedCatalogue, stepOne, unpaidInvoice } from "./test-helpers";

beforeAll(() => seedCatalogue());

describe("issue 11, defect 5: Paga fattura's limits are consumed before the lookup", () => {
  it("200 wrong lookups of one invoice at once: no more than the limit are ever looked up", async () => {
    const invoice = await unpaidInvoice("ordinary");
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => prepareInvoicePayment({ input: stepOne(invoice, { amount: "1,00" }), ip: freshIp() })),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "accepted"));
    expect(codes.filter((c) => c === "no_match").length).toBeLessThanOrEqual(lookupLimits.failuresPerInvoice.points);
    expect(codes.filter((c) => c !== "no_match").every((c) => c === "rate_limited")).toBe(true);
  });

  it("one address trying many invoice numbers at once is held to its own limit", async () => {
    const ip = freshIp();
    const invoices = await Promise.all(Array.from({ length: 30 }, () => unpaidInvoice("ordinary")));
    const results = await Promise.allSettled(invoices.map((invoice) => prepareInvoicePayment({ input: stepOne(invoice, { amount: "1,00" }), ip })));
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "accepted"));
    expect(codes.filter((c) => c === "no_match").length).toBeLessThanOrEqual(lookupLimits.failuresPerAddress.points);
  });
});
