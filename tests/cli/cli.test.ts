/**
 * The real command line, as a user runs it: child processes of bin/careerfaq.js (compiled JavaScript),
 * each in its own temporary folder and environment (tests/helpers/cli.ts). Every command is started
 * as a process at least once; a test about a command's output alone runs its function in-process.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands.ts";
import { evalCommand } from "../../src/cli/eval.ts";
import { reportCommand } from "../../src/cli/report.ts";
import { validateCommand } from "../../src/cli/validate.ts";
import { renderText } from "../../src/core/render-text.ts";
import { BIN, removeTempDirs, runCli, runInProcess, tempDir } from "../helpers/cli.ts";
import { testEngine } from "../helpers/engine.ts";

const VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8")) as { version: string }
).version;
/** No stack trace: no "    at file:line" frames. */
const STACK_FRAME = /^\s+at .+:\d+/m;

afterAll(removeTempDirs);

/** The default database of a developer's checkout; these tests must never write it. */
const REPO_DB = join(import.meta.dirname, "../../var/careerfaq.db");
const repoDbState = () => (existsSync(REPO_DB) ? statSync(REPO_DB).mtimeMs : "absent");
const REPO_DB_BEFORE = repoDbState();

/** One `ask --json` process for the stdin tests: the plain lines, then the conversation lines. */
const PLAIN_LINES = ["salary in canada", "", "what's the weather in paris", "   ", "kpis?"];
const CONVERSATION_LINES = [
  JSON.stringify({ q: "what does a customer care director earn in the uk?", conversation: "a" }),
  JSON.stringify({ q: "salary in canada", conversation: "b" }),
  JSON.stringify({ q: "and in the US?", conversation: "b" }),
  JSON.stringify({ q: "and in canada?", conversation: "a" }),
  "and in canada?",
];
let stdinRun: Promise<{ code: number | null; plain: any[]; conversation: any[] }> | undefined;
function askJsonOnStdin() {
  stdinRun ??= runCli(["ask", "--json"], { input: `${[...PLAIN_LINES, ...CONVERSATION_LINES].join("\n")}\n` }).then(
    (r) => {
      const lines = r.out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      const plain = PLAIN_LINES.filter((q) => q.trim() !== "").length;
      return { code: r.code, plain: lines.slice(0, plain), conversation: lines.slice(plain) };
    },
  );
  return stdinRun;
}

/** What the engine says in-process: the terminal must print exactly this. */
function expected(question: string) {
  const { reply } = testEngine().ask(question);
  return {
    answered: reply.outcome === "answer",
    text: renderText(reply),
    suggestions: reply.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons.map((x) => x.label) : [])),
  };
}

describe.concurrent("careerfaq --version and --help", () => {
  it.each([["--version"], ["-v"]])("%s prints the package version", async (flag) => {
    const r = await runCli([flag]);
    expect(r).toEqual({ code: 0, out: `careerfaq ${VERSION}\n`, err: "" });
  });

  it("--help lists every command", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(r.out).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
  });

  it.each(Object.keys(COMMANDS))("%s --help shows its own help and does nothing else", async (name) => {
    const r = await runCli([name, "--help"]);
    expect(r).toEqual({ code: 0, out: `${COMMANDS[name]!.help}\n`, err: "" });
    expect(r.out).toMatch(new RegExp(`^Usage: careerfaq ${name}`));
  });

  it("an unknown command or option is a usage error (exit 2) naming it, without a stack trace", async () => {
    const command = await runCli(["frobnicate"]);
    expect(command.code).toBe(2);
    expect(command.err).toMatch(/^careerfaq: unknown command "frobnicate"/);
    const option = await runCli(["ask", "--bogus", "salary"]);
    expect(option.code).toBe(2);
    expect(option.err).toContain("'--bogus'");
    expect(option.err).toContain("careerfaq ask --help");
    expect(`${command.err}${option.err}`).not.toMatch(STACK_FRAME);
  });
});

describe.concurrent("careerfaq ask", () => {
  it("answers the UK pay question with both UK figures and their sources", async () => {
    const r = await runCli(["ask", "what does a customer care director earn in the UK?"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${expected("what does a customer care director earn in the UK?").text}\n`);
    expect(r.out).toContain("£70,000");
    expect(r.out).toMatch(/£45,000 to £100,000/);
    expect(r.out).toMatch(/Sources: \[1\] .* · \[2\] /);
    expect(r.out).toContain("Totaljobs");
  });

  it("asks for a question when given none", async () => {
    const r = await runCli(["ask"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('careerfaq ask "');
    expect(r.out).toBe("");
  });

  it('--json "question" answers the argument as one JSON object', async () => {
    const r = await runCli(["ask", "--json", "salary in canada"]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    const want = expected("salary in canada");
    expect(answer).toMatchObject({ question: "salary in canada", answered: true, intent: "salary", text: want.text });
    expect(answer.text).toContain("C$115,000");
    expect(answer.sources).toEqual(expect.arrayContaining(["ccd-jd-2023", "csd-jd"]));
  });

  it("--json answers each stdin line in order, one JSON object per line, skipping blank lines", async () => {
    const asked = PLAIN_LINES.filter((q) => q.trim() !== "");
    const r = await askJsonOnStdin();
    expect(r.code).toBe(0);
    const lines = r.plain;
    expect(lines.map((l) => l.question)).toEqual(asked);
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
      expect(l.micros).toBeGreaterThan(0);
      const want = expected(l.question);
      expect({ answered: l.answered, text: l.text, suggestions: l.suggestions }).toEqual(want);
    }
    expect(lines[0]).toMatchObject({ answered: true, intent: "salary" });
    expect(lines[1].answered).toBe(false);
    expect(lines[2]).toMatchObject({ answered: true, intent: "kpis" });
    expect(lines[2].suggestions.length).toBeGreaterThanOrEqual(2);
  });
});

describe.concurrent("careerfaq ask --json with conversations", () => {
  it('JSON lines {"q", "conversation"} share context by id, in order; plain lines stay independent', async () => {
    const r = await askJsonOnStdin();
    expect(r.code).toBe(0);
    const lines = r.conversation;
    expect(lines.map((l) => l.conversation)).toEqual(["a", "b", "b", "a", undefined]);
    expect(lines[0].text).toContain("£70,000");
    expect(lines[2]).toMatchObject({ answered: true, intent: "salary" });
    expect(lines[2].text).toContain("$125,654");
    expect(lines[3]).toMatchObject({ answered: true, intent: "salary" });
    expect(lines[3].text).toContain("C$115,000");
    // The same words on a plain line have no context: not read as salary in Canada.
    expect(lines[4].answered).toBe(false);
  });
});

describe.concurrent("careerfaq chat", () => {
  it("keeps the conversation's context: a follow-up is read against the previous question", async () => {
    const r = await runCli(["chat"], { input: "salary uk\nand in canada?\nquit\n" });
    expect(r.code).toBe(0);
    expect(r.out.split("£70,000")[1]).toContain("C$115,000");
  });
  it("answers typed questions and clicks numbered buttons", async () => {
    const r = await runCli(["chat"], { input: "salary uk\n1\nquit\n" });
    expect(r.code).toBe(0);
    expect(r.out).toContain("£70,000");
    // Button 1 after the salary answer is its first follow-up question, answered in turn.
    const first = expected("salary uk").suggestions[0]!;
    const after = r.out.split("£70,000")[1]!;
    expect(after).toContain(`  1) ${first}`);
    expect(r.out.match(/you> /g)).toHaveLength(3);
  });
});

describe.concurrent("careerfaq eval", () => {
  it("an unknown set names the sets that exist, without a stack trace", async () => {
    const r = await runInProcess((config) => evalCommand(config, { set: "nope", misses: false }));
    expect(r.code).toBe(2);
    const sets = readdirSync(join(import.meta.dirname, "../eval"))
      .filter((f) => f.endsWith(".yml"))
      .map((f) => (f === "questions.yml" ? "dev" : f.slice(0, -".yml".length)))
      .sort();
    expect(r.err).toBe(
      `careerfaq eval: no evaluation set "nope"; the sets are ${sets.join(", ")}, or give the path of a .yml file\n`,
    );
    expect(r.out).toBe("");
    const missing = await runInProcess((config) => evalCommand(config, { set: "/nonexistent/set.yml", misses: false }));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no evaluation set "/nonexistent/set.yml"');
  });

  it("lists the misses with --misses, and only then", async () => {
    const set = join(import.meta.dirname, "../fixtures/eval/misses.yml");
    const [quiet, listed] = await Promise.all([
      runCli(["eval", "--set", set]),
      runCli(["eval", "--set", set, "--misses"]),
    ]);
    expect(quiet.code).toBe(0);
    expect(listed.code).toBe(0);
    expect(quiet.out).toMatch(/^== misses\.yml: 2 questions/);
    expect(quiet.out).not.toContain("what does a customer care director earn");
    // The miss is listed with what was expected; the question answered right is not.
    expect(listed.out).toMatch(/"what does a customer care director earn in the uk\?".*want kpis/);
    expect(listed.out).not.toContain("what kpis matter");
  });
});

describe.concurrent("careerfaq validate", () => {
  it("passes on the shipped content and prints the collision report", async () => {
    const r = await runCli(["validate"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^content OK: 5 sources, \d+ intents/);
    expect(r.out).toMatch(/collision report: \d+ of \d+ examples/);
  });

  it("fails with the file and path when content is broken", async () => {
    const broken = { CAREERFAQ_CONTENT_DIR: join(import.meta.dirname, "../fixtures/broken-content") };
    const r = await runInProcess((config) => validateCommand(config), broken);
    expect(r.code).toBe(1);
    expect(r.err).toContain("data/sources.yml: sources[0].date: expected YYYY-MM-DD");
  });
});

describe.concurrent("careerfaq report", () => {
  it("reports on the configured store, here a fresh SQLite file: no questions yet", async () => {
    const cwd = tempDir();
    const r = await runCli(["report", "--days", "7"], { cwd });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^careerfaq's own KPIs: \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(7 days\)/);
    expect(r.out).toMatch(/Questions: 0\b/);
    // Its own database in its own folder; the checkout's ./var/careerfaq.db is left as it was.
    expect(existsSync(join(cwd, "careerfaq.db"))).toBe(true);
    expect(repoDbState()).toBe(REPO_DB_BEFORE);
  });

  it("refuses a --days that is not a whole number", async () => {
    const r = await runInProcess((config) => reportCommand(config, "soon"));
    expect(r).toEqual({
      code: 2,
      out: "",
      err: "careerfaq report: --days takes a whole number of days, e.g. --days 7\n",
    });
  });
});

describe.concurrent("configuration errors", () => {
  it("name the variable and how to fix it", async () => {
    const r = await runCli(["ask", "salary"], { env: { ROUTER_ANSWER_THRESHOLD: "high" } });
    expect(r.code).toBe(1);
    expect(r.err).toContain("ROUTER_ANSWER_THRESHOLD must be a number between 0 and 1");
    expect(r.err).not.toMatch(STACK_FRAME);
  });
});

describe.concurrent("a hermetic test run", () => {
  it("never reads a .env in the folder it runs in, which a real run does", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, ".env"), "ROUTER_ANSWER_THRESHOLD=high\nSTORE=redis\n");
    // `ask` without a question loads the configuration, then stops at the missing question (exit 2).
    const hermetic = await runCli(["ask"], { cwd });
    expect(hermetic.code).toBe(2);
    expect(hermetic.err).toContain('careerfaq ask "');
    // The same folder with only PATH and HOME: production behaviour, where .env is read.
    const real = spawnSync(process.execPath, [BIN, "ask"], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
      encoding: "utf8",
    });
    expect(real.status).toBe(1);
    expect(real.stderr).toContain("ROUTER_ANSWER_THRESHOLD must be a number between 0 and 1");
  });
});
