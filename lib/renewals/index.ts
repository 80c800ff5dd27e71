export { runRenewals, renewService, type RenewalRunSummary } from "./engine";
export { scheduleDailyRenewals } from "./job";
