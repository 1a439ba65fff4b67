import { describe, expect, it } from "vitest";
import { editDistance, Speller } from "../../src/core/router/speller.ts";

const words = [
  "salary",
  "experience",
  "responsibilities",
  "certification",
  "qualifications",
  "director",
  "kpi",
  "outlook",
  "skills",
  "stress",
];

describe("editDistance", () => {
  it.each([
    ["salary", "salary", 0],
    ["salray", "salary", 1], // transposition counts once
    ["sallary", "salary", 1],
    ["slary", "salary", 1],
    ["experiance", "experience", 1],
    ["kitten", "sitting", 3],
  ])("%s → %s = %i", (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
  });

  it("stops early above the limit", () => {
    expect(editDistance("abcdefgh", "zzzzzzzz", 2)).toBe(3);
  });
});

describe("Speller", () => {
  const speller = new Speller(words);
  it.each([
    ["sallary", "salary"],
    ["salray", "salary"],
    ["experiance", "experience"],
    ["responsibilties", "responsibilities"],
    ["qualificaitons", "qualifications"],
    ["certifcation", "certification"],
    ["dirctor", "director"],
    ["outlok", "outlook"],
    ["skils", "skills"],
  ])("%s → %s", (typo, fixed) => {
    expect(speller.correct(typo, false)).toBe(fixed);
  });

  it("leaves short and unrelated words alone", () => {
    expect(speller.correct("kpo", false)).toBeNull();
    expect(speller.correct("banana", false)).toBeNull();
    expect(speller.correct("2024", false)).toBeNull();
  });

  it("falls back to fuse.js for long words the delete index cannot place", () => {
    const s = new Speller(words, new Map([["responsibilities", 2]]));
    expect(s.correct("rezponsabilitiez", false)).toBeNull();
    expect(s.correct("rezponsabilitiez", true)).toBe("responsibilities");
    expect(s.stats.fuse).toBe(1);
  });

  it("reaches three edits only for words the topics use", () => {
    const s = new Speller(words);
    expect(s.correct("rezponsabilitiez", true)).toBeNull();
    expect(s.stats.fuse).toBe(0);
  });

  it("takes words added after lookups began, and still knows the earlier ones", () => {
    const s = new Speller(words);
    expect(s.correct("sallary", false)).toBe("salary");
    const before = s.size;
    s.extend(["escalation"], new Map());
    expect(s.correct("escalaton", false)).toBe("escalation");
    expect(s.correct("outlok", false)).toBe("outlook");
    expect(s.size).toBeGreaterThan(before);
  });

  it("does not reach for fuse.js when no word is within three edits", () => {
    const s = new Speller(words);
    expect(s.correct("zzzzzzzzzzzz", true)).toBeNull();
    expect(s.stats.fuse).toBe(0);
  });
});
