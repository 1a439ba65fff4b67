/**
 * Answer wording and source names are content: data/wording.yml and data/sources.yml change what
 * answers say with no code change, and a placeholder no answer fills is rejected at load.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { DEFAULT_CONTENT_ROOT, loadCatalog } from "../../src/content/load.ts";
import { Answerer } from "../../src/core/answerer.ts";
import { itemText } from "../../src/core/answers/format.ts";
import { COMPOSER_IDS } from "../../src/core/answers/registry.ts";
import type { Catalog } from "../../src/core/catalog.ts";
import { ContentError } from "../../src/core/errors.ts";
import { renderText } from "../../src/core/render-text.ts";

const root = mkdtempSync(join(tmpdir(), "careerfaq-wording-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the shipped content with one data file edited. */
function contentWith(file: string, change: (doc: any) => void): string {
  const dir = mkdtempSync(join(root, "content-"));
  cpSync(join(DEFAULT_CONTENT_ROOT, "data"), join(dir, "data"), { recursive: true });
  cpSync(join(DEFAULT_CONTENT_ROOT, "intents"), join(dir, "intents"), { recursive: true });
  const doc = YAML.parse(readFileSync(join(dir, file), "utf8"));
  change(doc);
  writeFileSync(join(dir, file), YAML.stringify(doc));
  return dir;
}

const load = (dir: string): Catalog => loadCatalog({ root: dir, composers: COMPOSER_IDS, snapshot: false });
const page = (catalog: Catalog, intent: string, slots = {}) =>
  renderText(new Answerer(catalog).compose(intent, slots, { mode: "page" }));

describe("answer wording", () => {
  it("comes from data/wording.yml", () => {
    const catalog = load(
      contentWith("data/wording.yml", (d) => {
        d.meta.thanks = "Glad to help.";
        d.salary.spread = "Averages go from {low} to {high}.";
      }),
    );
    expect(page(catalog, "thanks")).toContain("Glad to help.");
    expect(page(catalog, "salary")).toMatch(/Averages go from \$[\d,]+ to \$[\d,]+\./);
  });

  it("rejects a placeholder that no answer fills", () => {
    const dir = contentWith("data/wording.yml", (d) => {
      d.salary.spread = "From {low} to {top}.";
    });
    try {
      load(dir);
      expect.unreachable("the placeholder {top} is unknown");
    } catch (err) {
      expect(err).toBeInstanceOf(ContentError);
      expect((err as ContentError).problems).toContain(
        "data/wording.yml: salary.spread: unknown placeholder {top} (known: {low}, {high})",
      );
    }
  });

  it("names sources as data/sources.yml does, and keeps their capitals", () => {
    const catalog = load(
      contentWith("data/sources.yml", (d) => {
        const zippia = d.sources.find((s: { id: string }) => s.id === "zippia-2025");
        zippia.name = "Zedpia";
      }),
    );
    expect(page(catalog, "salary", { period: "month" })).toContain("(and Zedpia an hourly one)");
    const shipped = load(DEFAULT_CONTENT_ROOT);
    const item = { label: "Pay", text: "Zedpia lists it." };
    expect(itemText(catalog, item)).toBe("Pay: Zedpia lists it.");
    expect(itemText(shipped, item)).toBe("Pay: zedpia lists it.");
    expect(itemText(shipped, { label: "Pay", text: "Indeed lists it." })).toBe("Pay: Indeed lists it.");
    expect(page(shipped, "salary", { period: "month" })).toContain("(and Zippia an hourly one)");
    expect(page(shipped, "salary", { level: "entry", country: "UK", countries: ["UK"] })).toContain(
      "Only Cityjobs gives pay by experience level",
    );
  });
});
