import type { Viewer } from "@/lib/auth/session";

/**
 * The rows a viewer may see: their own, and with a PEC login only that mailbox's. Every query
 * of the area goes through these filters, so another customer's row is simply "not found".
 * Combine them with `AND: [scope, …]`, never by spreading: a spread `id` would replace the scope's.
 */
export function serviceScope(viewer: Viewer) {
  return { customerId: viewer.customerId, ...(viewer.pecServiceId ? { id: viewer.pecServiceId } : {}) };
}

export function orderScope(viewer: Viewer) {
  return { customerId: viewer.customerId, ...(viewer.pecServiceId ? { serviceId: viewer.pecServiceId } : {}) };
}
