import { z } from "zod";

/** The checkout form: which order, which card ("nuova" or a saved card's id), ceiling consent. */
export const payOrderInput = z.object({
  orderId: z.uuid(),
  carta: z.union([z.literal("nuova"), z.uuid()]),
  consenso: z.literal("1").optional(),
});
