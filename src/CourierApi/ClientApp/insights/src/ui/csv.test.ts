import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("starts with a byte-order mark and escapes formula cells", () => {
    const csv = toCsv(["name", "minutes"], [["=HYPERLINK(\"x\")", 5], ["+1", -3], ["@a", 0], ["-x", 1], ["Zone 7", 2]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("name,minutes");
    expect(lines[1]).toBe("\"'=HYPERLINK(\"\"x\"\")\",5");
    expect(lines[2]).toBe("\"'+1\",-3");
    expect(lines[3]).toBe("\"'@a\",0");
    expect(lines[4]).toBe("\"'-x\",1");
    expect(lines[5]).toBe("Zone 7,2");
  });
});
