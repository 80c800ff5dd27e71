import { z } from "zod";

/** The ceiling shown on the page, sent back so that only what the customer saw is recorded. */
const amount = z.coerce.number().int().min(0).max(100_000_000);

/** "Aggiungi una carta": use it for renewals (checkbox), consent to the ceiling shown. */
export const addCardInput = z.object({
  rinnovi: z.literal("1").optional(),
  consenso: z.literal("1").optional(),
  importo: amount.optional(),
});

/** "Usa per i rinnovi" on one saved card. */
export const renewalCardInput = z.object({
  cardId: z.uuid(),
  consenso: z.literal("1").optional(),
  importo: amount.optional(),
});

/** "Rimuovi": plain removal, renewals turned off, or renewals moved to another card. */
export const removeCardInput = z.discriminatedUnion("scelta", [
  z.object({ cardId: z.uuid(), scelta: z.literal("rimuovi") }),
  z.object({ cardId: z.uuid(), scelta: z.literal("disattiva") }),
  z.object({ cardId: z.uuid(), scelta: z.literal("sostituisci"), sostituta: z.uuid(), consenso: z.literal("1").optional(), importo: amount.optional() }),
]);
