/** The real command line, as a user runs it: a child process of bin/careerfaq.js. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "../../bin/careerfaq.js");

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("careerfaq ask", () => {
  it("answers the UK pay question with both UK figures and their sources", () => {
    const r = run(["ask", "what does a customer care director earn in the UK?"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("£70,000");
    expect(r.out).toMatch(/£45,000 to £100,000/);
    expect(r.out).toMatch(/Sources:\n\[1\] .*\n\[2\] /);
    expect(r.out).toContain("Totaljobs");
  });

  it("asks for a question when given none", () => {
    const r = run(["ask"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('careerfaq ask "');
  });

  it("--json answers each stdin line in order, one JSON object per line", () => {
    const questions = ["salary in canada", "what's the weather in paris", "", "kpis?"];
    const r = run(["ask", "--json"], `${questions.join("\n")}\n`);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(questions);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual([
        "question",
        "answered",
        "intent",
        "confidence",
        "text",
        "sources",
        "suggestions",
        "micros",
      ]);
      expect(typeof l.micros).toBe("number");
    }
    expect(lines[0]).toMatchObject({ answered: true, intent: "salary" });
    expect(lines[0].text).toContain("C$115,000");
    expect(lines[0].sources).toEqual(expect.arrayContaining(["ccd-jd-2023", "csd-jd"]));
    expect(lines[1].answered).toBe(false);
    expect(lines[3]).toMatchObject({ answered: true, intent: "kpis" });
    expect(lines[3].suggestions.length).toBeGreaterThanOrEqual(2);
  });
});

describe("careerfaq chat", () => {
  it("answers typed questions and clicks numbered buttons", () => {
    const r = run(["chat"], "salary uk\n1\nquit\n");
    expect(r.code).toBe(0);
    expect(r.out).toContain("£70,000");
    // Button 1 after the salary answer is its first follow-up question, answered in turn.
    const after = r.out.split("£70,000")[1]!;
    expect(after).toMatch(/\n {2}1\) /);
    expect(r.out.match(/you> /g)!.length).toBe(3);
  });
});

describe("careerfaq validate", () => {
  it("passes on the shipped content and prints the collision report", () => {
    const r = run(["validate"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^content OK: 5 sources, \d+ intents/);
    expect(r.out).toMatch(/collision report: \d+ of \d+ examples/);
  });

  it("fails with the file and path when content is broken", () => {
    const r = run(["validate"], undefined, {
      CAREERFAQ_CONTENT_DIR: join(import.meta.dirname, "../fixtures/broken-content"),
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain("data/sources.yml: sources[0].date: expected YYYY-MM-DD");
  });
});

describe("configuration errors", () => {
  it("name the variable and how to fix it", () => {
    const r = run(["ask", "salary"], undefined, { ROUTER_ANSWER_THRESHOLD: "high" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("ROUTER_ANSWER_THRESHOLD must be a number between 0 and 1");
  });
});
