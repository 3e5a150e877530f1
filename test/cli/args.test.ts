import { describe, expect, it } from "vitest";
import { HelpRequested, UsageError, parseArgs } from "../../src/cli/args.js";

describe("command-line arguments", () => {
  it("reads positionals, valued options (spaced or with =) and known flags", () => {
    const a = parseArgs(["docs", "--index", "/tmp/i", "--batch=q.jsonl", "--json", "more"], ["index", "batch"], ["json"]);
    expect(a.positionals).toEqual(["docs", "more"]);
    expect(a.values.get("index")).toBe("/tmp/i");
    expect(a.values.get("batch")).toBe("q.jsonl");
    expect([...a.flags]).toEqual(["json"]);
  });

  it("refuses a flag the tool does not know, naming it, instead of running without it", () => {
    expect(() => parseArgs(["--jsno"], ["index"], ["json"])).toThrow(UsageError);
    expect(() => parseArgs(["--jsno"], ["index"], ["json"])).toThrow(/--jsno/);
  });

  it("asks for the usage on --help and -h, and for a value an option lacks", () => {
    expect(() => parseArgs(["--help"], [], [])).toThrow(HelpRequested);
    expect(() => parseArgs(["-h"], [], [])).toThrow(HelpRequested);
    expect(() => parseArgs(["--index"], ["index"], [])).toThrow(/--index cần một giá trị/);
  });
});
