/** What the area says about automatic renewal for one service. */
export type RenewalState = "on" | "off" | "unavailable";

export function renewalState(service: { autoRenewal: boolean; product: { autoRenewalAvailable: boolean } }): RenewalState {
  if (!service.product.autoRenewalAvailable) return "unavailable";
  return service.autoRenewal ? "on" : "off";
}

/**
 * Whether the page offers the switch: an ACTIVE service whose product renews (a PENDING one turns
 * on when its order is paid), or any service still renewing, which can always be turned off.
 */
export function renewalSwitchable(service: { status: string; autoRenewal: boolean; product: { autoRenewalAvailable: boolean } }): boolean {
  if (!service.product.autoRenewalAvailable) return false;
  return service.status === "ACTIVE" || service.autoRenewal;
}
