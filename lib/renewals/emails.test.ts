import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/email/render";

describe("the renewal engine's e-mails", () => {
  it("renewal failed: the reason in plain words, the amount, the next try and the link to pay", async () => {
    const props = { name: "Mario Rossi", serviceName: "SPID Mario Rossi", orderNumber: "ORD-2027-000301", totalCents: 3038, reason: "declined", nextAttemptAt: "2027-06-10T08:00:00.000Z", expiresAt: "2027-06-15T08:00:00.000Z", payUrl: "https://area.example/ordini/x/paga" };
    const it_ = await renderEmail("renewal-failed", props, "it");
    expect(it_.subject).toBe("Rinnovo automatico non riuscito per SPID Mario Rossi");
    const text = it_.text.replace(/\u00a0/g, " ");
    expect(text).toContain("30,38 €");
    expect(text).toContain("La banca ha rifiutato il pagamento con la carta registrata.");
    expect(text).toContain("Riproveremo automaticamente il 10 giugno 2027 alle ore 10:00 (ora italiana).");
    expect(text).toContain("https://area.example/ordini/x/paga");
    const last = await renderEmail("renewal-failed", { ...props, reason: "above_ceiling", nextAttemptAt: null }, "en");
    expect(last.text).toContain("above the maximum withdrawal amount");
    expect(last.text).toContain("No further automatic attempts");
  });

  it("automatic renewal receipt, expiry notices and the card warning", async () => {
    const paid = await renderEmail("payment-confirmed", { name: "M", orderNumber: "ORD-1", description: "Rinnovo SPID x – 1 anno", netCents: 2490, vatCents: 548, totalCents: 3038, card: "Visa •••• 4242", paidAt: "2027-06-08T08:00:00.000Z", transactionId: "ch_1", serviceName: "SPID x", expiresAt: "2028-06-15T08:00:00.000Z", automatic: true }, "it");
    expect(paid.text).toContain("come previsto dal rinnovo automatico, abbiamo addebitato il rinnovo di SPID x");
    const expiring = await renderEmail("service-expiring", { name: "M", serviceName: "Firma", productName: "Firma Digitale", expiresAt: "2027-06-15T08:00:00.000Z", daysLeft: 30, autoRenewalAvailable: false, serviceUrl: "https://a.example/servizi/1" }, "it");
    expect(expiring.subject).toBe("Il servizio Firma scade tra 30 giorni");
    expect(expiring.text).not.toContain("attivare il rinnovo automatico");
    const expired = await renderEmail("service-expired", { name: "M", serviceName: "PEC a@b.it", productName: "PEC", expiredAt: "2027-06-15T08:00:00.000Z", serviceUrl: "https://a.example/servizi/1" }, "it");
    expect(expired.subject).toBe("Il servizio PEC a@b.it è scaduto");
    const card = await renderEmail("card-expiring", { name: "M", card: "Visa •••• 4242", cardExpiry: "05/2027", chargeAt: "2027-06-08T08:00:00.000Z", serviceName: "SPID x", cardsUrl: "https://a.example/metodi-di-pagamento" }, "it");
    expect(card.subject).toBe("La carta Visa •••• 4242 scade prima del prossimo rinnovo");
    expect(card.text).toContain("scade a fine 05/2027");
  });
});
