import { expect, it } from "vitest";
import { configuredGatewayName, getGateway } from ".";

it("picks the sandbox by default, and refuses an unknown gateway clearly", () => {
  expect(configuredGatewayName({})).toBe("sandbox");
  expect(configuredGatewayName({ PAYMENT_GATEWAY: " sandbox " })).toBe("sandbox");
  expect(() => configuredGatewayName({ PAYMENT_GATEWAY: "stripe" })).toThrow('PAYMENT_GATEWAY="stripe" is not a known payment gateway (known: sandbox)');
  expect(() => configuredGatewayName({ PAYMENT_GATEWAY: "toString" })).toThrow("not a known payment gateway");
  expect(getGateway().name).toBe("sandbox");
  expect(getGateway()).toBe(getGateway());
});
