import { describe, expect, it } from "vitest";
import { regexes } from "zod/v4/core";
import { all, checkAll, EMAIL, email, oneOf, rule, text, untrimmed } from "./checks";

describe("form checks in the browser", () => {
  it("use zod's own e-mail pattern", () => {
    expect(EMAIL.source).toBe(regexes.email.source);
    expect(EMAIL.flags).toBe(regexes.email.flags);
  });

  it("give the first message of a field, and every field's", () => {
    expect(text(3)("  ")).toBe("required");
    expect(text(3)(" abc ")).toBeNull();
    expect(text(3)("abcd")).toBe("tooLong");
    expect(untrimmed(3)(" ")).toBeNull();
    expect(email(254)("Mario@Example.IT ")).toBeNull();
    expect(email(254)("mario@example")).toBe("invalidEmail");
    expect(oneOf(["A", "B"])("C")).toBe("required");
    expect(all(text(10), () => "other")("x")).toBe("other");
    expect(checkAll({ a: text(1), b: text(1) }, { a: "", b: "x" })).toEqual({ a: "required" });
  });

  it("become react-hook-form rules: the message key, or true when the value passes", () => {
    expect(rule(text(3)).validate("abcd")).toBe("tooLong");
    expect(rule(text(3)).validate("abc")).toBe(true);
    // An unchecked radio group's value is null for react-hook-form: like an empty field.
    expect(rule(oneOf(["A"])).validate(null)).toBe("required");
  });
});
