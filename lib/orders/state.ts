import type { OrderStatus } from "@/lib/db/generated/enums";

/** An order is paid once; a cancelled one is never paid. */
export const orderTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  AWAITING_PAYMENT: ["PAID", "CANCELLED"],
  PAID: [],
  CANCELLED: [],
};

export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].includes(to);
}

export function isPayable(status: OrderStatus): boolean {
  return canMoveOrder(status, "PAID");
}
