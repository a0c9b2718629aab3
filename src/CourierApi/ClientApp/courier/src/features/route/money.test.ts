import { describe, expect, it } from "vitest";
import { recalculatedTotal, refusedBySku } from "./money";

describe("refused items", () => {
  // One SKU on two lines at different prices, as a generated evening sometimes lists it.
  const items = [{ sku: "Rice", quantity: 2, unitPrice: 1.5 }, { sku: "Milk", quantity: 1, unitPrice: 0.8 }, { sku: "Rice", quantity: 3, unitPrice: 2 }];

  it("sends one entry per SKU, the lines summed", () => {
    expect(refusedBySku(items, new Map([[0, 1], [2, 2], [1, 0]]))).toEqual([{ sku: "Rice", quantity: 3 }]);
  });

  it("takes refused units from the SKU's lines in order, as the server does, whichever stepper was used", () => {
    // 9.80 in all; three Rice back: both of line 1 (3.00) and one of line 3 (2.00).
    expect(recalculatedTotal(items, new Map([[2, 3]]))).toBe(4.8);
    expect(recalculatedTotal(items, new Map([[0, 2], [2, 1]]))).toBe(4.8);
    expect(recalculatedTotal(items, new Map())).toBe(9.8);
  });
});
