/**
 * Core and content depend one way: src/content reads and validates files into the knowledge model
 * that src/core defines (src/core/model), so nothing under src/core may import from src/content.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../src");
const CORE = join(SRC, "core");
const CONTENT = join(SRC, "content");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Every module a file imports or re-exports, statically or dynamically, resolved to a path when relative. */
function importsIn(file: string, text = readFileSync(file, "utf8")): string[] {
  const specifiers = [
    ...text.matchAll(/\b(?:import|export)\s[^"';]*?\bfrom\s*["']([^"']+)["']/g),
    ...text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
  ].map((m) => m[1]!);
  return specifiers.map((s) => (s.startsWith(".") ? resolve(dirname(file), s) : s));
}

const inContent = (path: string) => !relative(CONTENT, path).startsWith("..");

describe("core and content", () => {
  const core = files(CORE);
  it("has core files, and the scan sees their imports", () => {
    expect(core.length).toBeGreaterThan(10);
    expect(importsIn(join(CORE, "catalog.ts")).some((p) => p.startsWith(join(CORE, "model")))).toBe(true);
  });

  it("src/core imports nothing from src/content", () => {
    const offenders = core.flatMap((file) =>
      importsIn(file)
        .filter(inContent)
        .map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the scan catches static, multi-line, re-exported and dynamic imports", () => {
    const text = [
      'import type { Item } from "../../content/load.ts";',
      "import {\n  crossCheck,\n  formatPath,\n} from '../../content/check.ts';",
      'export { sha1 } from "../../content/artifacts.ts";',
      'const later = await import("../../content/prebuild.ts");',
      'import { z } from "zod";',
    ].join("\n");
    const found = importsIn(join(CORE, "answers", "example.ts"), text);
    expect(found.filter(inContent).map((p) => relative(CONTENT, p))).toEqual([
      "load.ts",
      "check.ts",
      "artifacts.ts",
      "prebuild.ts",
    ]);
  });
});
