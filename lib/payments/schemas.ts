import { z } from "zod";

/**
 * The checkout form: which order, which card ("nuova" or a saved card's id), the ceiling consent
 * and the importo massimo prelevabile the customer was shown (cents), recorded only if it still applies.
 */
export const payOrderInput = z.object({
  orderId: z.uuid(),
  carta: z.union([z.literal("nuova"), z.uuid()]),
  consenso: z.literal("1").optional(),
  massimale: z.string().regex(/^\d{1,9}$/).transform(Number).optional(),
});
