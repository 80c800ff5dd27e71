/** What the area says about automatic renewal for one service. */
export type RenewalState = "on" | "off" | "unavailable";

export function renewalState(service: { autoRenewal: boolean; product: { autoRenewalAvailable: boolean } }): RenewalState {
  if (!service.product.autoRenewalAvailable) return "unavailable";
  return service.autoRenewal ? "on" : "off";
}
