/** Phrases: facts' keys of several words, found whole in a normalised question. */
import { describe, expect, it } from "vitest";
import { Phrases } from "../../src/core/knowledge/phrases.ts";

const words = (normalized: string) => normalized.split(" ");

describe("phrases", () => {
  it("finds a phrase only whole and in order, with plural and verb endings off", () => {
    const p = new Phrases();
    expect(p.add("learning loops")).toBe("~learn loop");
    expect(p.add("strategy in itself")).toBe("~strategy in itself");
    expect(p.add("budget")).toBeUndefined();
    expect(p.in(words("why do directors ignore the learning loop"))).toEqual(["~learn loop"]);
    expect(p.in(words("is outsourcing a strategy in itself"))).toEqual(["~strategy in itself"]);
    expect(p.in(words("loops of learning"))).toEqual([]);
    expect(p.in(words("a strategy in"))).toEqual([]);
  });

  it("keeps one of each phrase, and finds every phrase a question holds", () => {
    const p = new Phrases();
    p.add("workforce planning");
    p.add("workforce planning");
    p.add("workforce plan");
    expect(p.in(words("workforce planning and workforce plans"))).toEqual(["~workforce plann", "~workforce plan"]);
  });
});
