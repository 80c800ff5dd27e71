import { describe, expect, it } from "vitest";
import { canMoveOrder, isPayable } from "@/lib/orders/state";
import { canMove as canMovePayment, statusesBefore as paymentStatusesBefore } from "./state";

describe("payment state machine", () => {
  it("moves forward only, and final states are final", () => {
    expect(canMovePayment("CREATED", "SENT")).toBe(true);
    expect(canMovePayment("SENT", "REQUIRES_ACTION")).toBe(true);
    expect(canMovePayment("REQUIRES_ACTION", "SUCCEEDED")).toBe(true);
    expect(canMovePayment("SUCCEEDED", "FAILED")).toBe(false);
    expect(canMovePayment("FAILED", "SUCCEEDED")).toBe(false);
    expect(canMovePayment("REQUIRES_ACTION", "SENT")).toBe(false);
    expect(canMovePayment("CREATED", "SUCCEEDED")).toBe(false);
  });
  it("gives the statuses a conditional update must require", () => {
    expect(paymentStatusesBefore("SUCCEEDED").sort()).toEqual(["REQUIRES_ACTION", "SENT"]);
    expect(paymentStatusesBefore("FAILED").sort()).toEqual(["CREATED", "REQUIRES_ACTION", "SENT"]);
  });
});

describe("order state machine", () => {
  it("pays an order awaiting payment once, never a paid or cancelled one", () => {
    expect(isPayable("AWAITING_PAYMENT")).toBe(true);
    expect(isPayable("PAID")).toBe(false);
    expect(isPayable("CANCELLED")).toBe(false);
    expect(canMoveOrder("PAID", "AWAITING_PAYMENT")).toBe(false);
  });
});
