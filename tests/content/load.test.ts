import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import YAML from "yaml";
import { DEFAULT_CONTENT_ROOT, loadCatalog } from "../../src/content/load.ts";
import { COMPOSER_IDS } from "../../src/core/answers/registry.ts";
import { ContentError } from "../../src/core/errors.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the shipped content that a test may break. */
function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "careerfaq-content-"));
  dirs.push(dir);
  cpSync(join(DEFAULT_CONTENT_ROOT, "data"), join(dir, "data"), { recursive: true });
  cpSync(join(DEFAULT_CONTENT_ROOT, "intents"), join(dir, "intents"), { recursive: true });
  return dir;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- YAML documents are edited freely here
function edit(dir: string, file: string, change: (doc: any) => void): void {
  const path = join(dir, file);
  const doc = YAML.parse(readFileSync(path, "utf8"));
  change(doc);
  writeFileSync(path, YAML.stringify(doc));
}

function problemsOf(dir: string): string[] {
  try {
    loadCatalog({ root: dir, composers: COMPOSER_IDS });
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    return [...(err as ContentError).problems];
  }
  throw new Error("expected the content to be rejected");
}

describe("loadCatalog", () => {
  it("loads the shipped content and freezes it", () => {
    const c = loadCatalog({ composers: COMPOSER_IDS });
    expect(c.sources.size).toBe(5);
    expect(c.intents.length).toBeGreaterThanOrEqual(30);
    expect(Object.isFrozen(c.salary.figures[0])).toBe(true);
  });

  it("names the file and the path of a wrong currency", () => {
    const dir = contentCopy();
    edit(dir, "data/salary.yml", (d) => {
      d.figures[3].currency = "EUR";
    });
    expect(problemsOf(dir)).toContain("data/salary.yml: figures[3].currency: expected USD, GBP or CAD");
  });

  it("rejects a currency that does not match the country", () => {
    const dir = contentCopy();
    let uk = -1;
    edit(dir, "data/salary.yml", (d) => {
      uk = d.figures.findIndex((f: { country: string }) => f.country === "UK");
      d.figures[uk].currency = "USD";
    });
    expect(problemsOf(dir)).toContain(`data/salary.yml: figures[${uk}].currency: expected GBP for UK`);
  });

  it("names an unknown source id with its path", () => {
    const dir = contentCopy();
    edit(dir, "data/kpis.yml", (d) => {
      d.sections[0].sources = ["wikipedia"];
    });
    expect(problemsOf(dir)).toContain(
      'data/kpis.yml: sections[0].sources[0]: unknown source "wikipedia" (not in data/sources.yml)',
    );
  });

  it("reports a YAML syntax error with its line", () => {
    const dir = contentCopy();
    writeFileSync(join(dir, "data/ratings.yml"), "scale: out of 10\nratings: [\n  - nope: {\n");
    expect(problemsOf(dir).some((p) => /^data\/ratings\.yml: line \d+: /.test(p))).toBe(true);
  });

  it("reports a missing file", () => {
    const dir = contentCopy();
    rmSync(join(dir, "data/outlook.yml"));
    expect(problemsOf(dir)).toContain("data/outlook.yml: file is missing");
  });

  it("rejects an unknown field (typos in content are not silently ignored)", () => {
    const dir = contentCopy();
    edit(dir, "data/ratings.yml", (d) => {
      d.ratings[0].scroe = 8;
    });
    expect(problemsOf(dir).some((p) => p.startsWith("data/ratings.yml: ratings[0]: "))).toBe(true);
  });

  it("rejects an example utterance that belongs to two intents", () => {
    const dir = contentCopy();
    const salary = YAML.parse(readFileSync(join(dir, "intents/salary.yml"), "utf8"));
    edit(dir, "intents/skills.yml", (d) => {
      d.examples.push(salary.examples[0].toUpperCase());
    });
    expect(
      problemsOf(dir).some(
        (p) => p.startsWith("intents/skills.yml: examples[") && p.includes("is also an example of salary"),
      ),
    ).toBe(true);
  });

  it("rejects an intent without a composer, and follow-ups that do not resolve", () => {
    const dir = contentCopy();
    edit(dir, "intents/kpis.yml", (d) => {
      d.answer = "nothing-here";
      d.followUps = ["no-such-intent"];
    });
    const problems = problemsOf(dir);
    expect(problems.some((p) => p.startsWith('intents/kpis.yml: answer: no composer "nothing-here"'))).toBe(true);
    expect(problems).toContain('intents/kpis.yml: followUps[0]: unknown intent "no-such-intent"');
  });

  it("rejects an intent with fewer than 10 examples", () => {
    const dir = contentCopy();
    edit(dir, "intents/kpis.yml", (d) => {
      d.examples = d.examples.slice(0, 3);
    });
    expect(problemsOf(dir)).toContain("intents/kpis.yml: examples: needs at least 10 example utterances");
  });

  it("rejects a synonym that means two things", () => {
    const dir = contentCopy();
    edit(dir, "intents/kpis.yml", (d) => {
      d.synonyms = { ...d.synonyms, kpiextra: ["wage"] };
    });
    expect(problemsOf(dir).some((p) => p.includes('"wage" already means'))).toBe(true);
  });
});
