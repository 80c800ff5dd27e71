import { z } from "zod";

/** The automatic-renewal switch: which service, the position asked for, consent to a new ceiling. */
export const switchRenewalInput = z.object({
  serviceId: z.uuid(),
  on: z.boolean(),
  ceilingConsent: z.boolean().default(false),
});

export type SwitchRenewalInput = z.input<typeof switchRenewalInput>;
