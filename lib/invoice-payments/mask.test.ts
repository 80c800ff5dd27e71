import { describe, expect, it } from "vitest";
import { maskName } from "./mask";

describe("the invoice holder on the summary", () => {
  it("keeps the first three letters of each word and short words whole", () => {
    expect(maskName("Mario Rossi")).toBe("Mar•• Ros••");
    expect(maskName("Comune di Esempio – Anna Bianchi")).toBe("Com••• di Ese•••• – Ann• Bia••••");
    expect(maskName("Università degli Studi di Roma")).toBe("Uni••••• deg•• Stu•• di Rom•");
  });
});
