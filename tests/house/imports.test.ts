/**
 * No import cycles in src/: a module graph that only points one way can be read (and changed) from
 * the bottom up. Type-only imports count too: a cycle through types still ties two files together.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../helpers/sources.ts";

const SRC = join(import.meta.dirname, "../../src");

/** `import … from "./x.ts"`, `export … from "./x.ts"`, `import "./x.ts"` and `import("./x.ts")`, relative ones only. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;

/** The files `file` imports from src/, resolved to absolute paths. */
function importsOf(file: string, source: string): string[] {
  const targets = new Set<string>();
  for (const match of source.matchAll(IMPORT)) {
    const target = resolve(dirname(file), match[1]!);
    targets.add(target.endsWith(".ts") ? target : target.replace(/\.js$/, ".ts"));
  }
  return [...targets];
}

/** Every cycle found by a depth-first walk, each named as "a.ts → b.ts → a.ts" (paths relative to src/). */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "open") {
        const loop = [...path.slice(path.indexOf(next)), next];
        cycles.push(loop.map((f) => relative(SRC, f)).join(" → "));
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe("the import graph of src/", () => {
  const graph = new Map(sourceFiles(SRC).map((file) => [file, importsOf(file, readFileSync(file, "utf8"))]));

  it("is read from the real sources", () => {
    expect(graph.size).toBeGreaterThan(50);
    const engine = [...graph.entries()].find(([file]) => file.endsWith("core/engine.ts"))!;
    expect(engine[1].length).toBeGreaterThan(3);
  });

  it("has no cycle", () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it("would name a cycle, through static and dynamic imports", () => {
    const a = join(SRC, "a.ts");
    const b = join(SRC, "b.ts");
    const c = join(SRC, "c.ts");
    const sources = new Map([
      [a, 'import { b } from "./b.ts";\n'],
      [b, 'import type { C } from "./c.ts";\n'],
      [c, 'export async function c() {\n  return import("./a.ts");\n}\n'],
    ]);
    const fake = new Map([...sources].map(([file, text]) => [file, importsOf(file, text)]));
    expect(findCycles(fake)).toEqual(["a.ts → b.ts → c.ts → a.ts"]);
  });
});
