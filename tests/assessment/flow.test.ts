/** The self-assessment through the engine, on a real store with an injected clock. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Engine } from "../../src/core/engine.ts";
import { renderText } from "../../src/core/render-text.ts";
import type { Store } from "../../src/core/store.ts";
import { ACTIONS, type Button, type Inbound, type Outbound } from "../../src/core/types.ts";
import { MemoryStore } from "../../src/stores/memory.ts";
import { SqliteStore } from "../../src/stores/sqlite.ts";
import { testCatalog } from "../helpers/engine.ts";

const DAY = 24 * 3600_000;
const catalog = testCatalog();
const N = catalog.assessment.questions.length;
let now = 1_750_000_000_000;
const clock = () => now;
let store: Store;
let engine: Engine;

function make(s: Store = new MemoryStore(clock)): Engine {
  store = s;
  return new Engine(catalog, { store: s, clock, sessionTtlMs: 7 * DAY });
}

beforeEach(() => {
  now = 1_750_000_000_000;
  engine = make();
});

const dm = (user = "slack:T1:U1"): Omit<Inbound, "text"> => ({
  channel: "slack",
  conversation: `slack:T1:D-${user}`,
  user,
  direct: true,
});
const say = (text: string, user?: string) => engine.handle({ ...dm(user), text });
const click = (b: Button, user?: string) => engine.handle({ ...dm(user), action: { id: b.action, value: b.value } });
const text = (out: Outbound[]) => out.map((o) => renderText(o.reply)).join("\n\n");
const buttons = (out: Outbound[]) =>
  out.flatMap((o) => o.reply.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons : [])));
const answerButtons = (out: Outbound[]) => buttons(out).filter((b) => b.action === ACTIONS.quiz);

describe("starting", () => {
  it("in a DM: the intro and question 1", async () => {
    const out = await say("assess");
    expect(text(out)).toContain(`Question 1 of ${N}`);
    expect(text(out)).toContain("Readiness self-assessment");
    expect(answerButtons(out).length).toBeGreaterThanOrEqual(4);
  });

  it.each(["am I ready to be a customer care director?", "start the self-assessment", "self-assessment"])(
    "%j starts it",
    async (t) => {
      expect(text(await say(t))).toContain(`Question 1 of ${N}`);
    },
  );

  it("in a channel: never asks there — a private pointer, and the question in the DM", async () => {
    const out = await engine.handle({
      channel: "slack",
      conversation: "slack:T1:C1",
      user: "slack:T1:U9",
      direct: false,
      text: "assess",
    });
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ visibility: "private" });
    expect(renderText(out[0]!.reply)).toMatch(/direct message/);
    expect(renderText(out[0]!.reply)).not.toMatch(/Question 1/);
    expect(out[1]).toMatchObject({ to: "dm" });
    expect(renderText(out[1]!.reply)).toContain(`Question 1 of ${N}`);
  });

  it("typing answers in a channel never feeds the quiz", async () => {
    await say("assess");
    const out = await engine.handle({
      channel: "slack",
      conversation: "slack:T1:C1",
      user: "slack:T1:U1",
      direct: false,
      text: "2",
    });
    expect(text(out)).not.toMatch(/Question 2/);
  });
});

describe("answering", () => {
  it("by button and by typing, with progress; a question mid-quiz is answered, then the quiz resumes", async () => {
    let out = await say("assess");
    out = await click(answerButtons(out)[2]!);
    expect(text(out)).toContain(`Question 2 of ${N}`);
    expect(text(out)).toMatch(/^Recorded: 5 to 9 years\./);
    out = await say("about 4 years");
    expect(text(out)).toMatch(/^Recorded: 4 to 5 years\.[\s\S]*Question 3 of/);
    out = await say("what KPIs matter for a director?");
    expect(text(out)).toMatch(/repeat-contact rate/i);
    expect(text(out)).toMatch(/Back to the self-assessment:[\s\S]*Question 3 of/);
    out = await say("purple");
    expect(text(out)).toMatch(/couldn't match that to one of the answers to question 3[\s\S]*What is your highest/);
    expect(answerButtons(out)).toHaveLength(5);
  });

  it("two clicks on the same question arriving together record one answer", async () => {
    const out = await say("assess");
    const [b1, b2] = answerButtons(out);
    const results = await Promise.all([click(b1!), click(b2!), click(b1!)]);
    const moved = results.filter(
      (r) => text(r).includes(`Question 2 of ${N}`) && !text(r).includes("already been answered"),
    );
    expect(moved).toHaveLength(1);
    expect(results.filter((r) => text(r).includes("already been answered"))).toHaveLength(2);
    const state = JSON.parse((await store.get("user:slack:T1:U1:quiz"))!);
    expect(state.step).toBe(1);
    expect(Object.keys(state.answers)).toHaveLength(1);
  });

  it("a button from another user is refused and changes nothing", async () => {
    const out = await say("assess");
    const refused = await click(answerButtons(out)[0]!, "slack:T1:U2");
    expect(text(refused)).toMatch(/belongs to someone else/);
    expect(JSON.parse((await store.get("user:slack:T1:U1:quiz"))!).step).toBe(0);
  });

  it("a button from a finished attempt is refused", async () => {
    let out = await say("assess");
    const old = answerButtons(out)[0]!;
    for (let i = 0; i < N; i++) out = await say("1");
    expect(text(out)).toMatch(/Your readiness: \d+\/100/);
    await say("assess");
    const refused = await click(old);
    expect(text(refused)).toMatch(/earlier attempt|already been answered/);
  });

  it("back, skip where allowed, cancel and restart", async () => {
    await say("assess");
    await say("1");
    let out = await say("back");
    expect(text(out)).toMatch(/Going back[\s\S]*Question 1 of/);
    out = await say("skip");
    expect(text(out)).toMatch(/can't be skipped/);
    out = await say("restart");
    expect(text(out)).toMatch(/Starting again[\s\S]*Question 1 of/);
    out = await say("cancel");
    expect(text(out)).toMatch(/cancelled/);
    expect(await store.get("user:slack:T1:U1:quiz")).toMatch(/^ended:/);
  });
});

describe("results", () => {
  it("a score, a band, the breakdown, three gaps with next steps and sources; a retake shows the change", async () => {
    await say("assess");
    let out: Outbound[] = [];
    for (let i = 0; i < N; i++) out = await say("1");
    const first = text(out);
    expect(first).toMatch(/Your readiness: 0\/100 · Building foundations/);
    expect(first).toMatch(/Team leadership: 0%/);
    expect(first).toMatch(/Your 3 biggest gaps/);
    expect(first).toMatch(/Next step: /);
    expect(first).toMatch(/Sources: \[1\] /);
    now += DAY;
    await say("assess");
    for (let i = 0; i < N; i++) out = await say("2");
    const second = text(out);
    expect(second).toMatch(/Since your last attempt \(\d{4}-\d{2}-\d{2}\): \+\d+ points/);
    expect(second).toMatch(/Team leadership: 0% → 25% \(\+25\)/);
    const history = text(await say("history"));
    expect(history.match(/\/100/g)).toHaveLength(2);
    const home = renderText(await engine.home("slack:T1:U1"));
    expect(home).toMatch(/Your last self-assessment/);
  });
});

describe("persistence", () => {
  it("an unfinished session expires after the configured time", async () => {
    await say("assess");
    await say("1");
    now += 8 * DAY;
    const out = await say("2");
    expect(text(out)).not.toMatch(/Question 3 of/);
    expect(text(await say("assess"))).toContain(`Question 1 of ${N}`);
  });

  it("within the time it resumes where it was", async () => {
    await say("assess");
    await say("1");
    now += 6 * DAY;
    expect(text(await say("assess"))).toMatch(/Picking up where you left off[\s\S]*Question 2 of/);
  });

  it("a session saved under an older quiz version is migrated with an explanation", async () => {
    await say("assess");
    await say("2");
    await say("2");
    const key = "user:slack:T1:U1:quiz";
    const state = JSON.parse((await store.get(key))!);
    await store.set(
      key,
      JSON.stringify({ ...state, version: state.version - 1, answers: { ...state.answers, "retired-question": "x" } }),
    );
    const out = await say("3");
    expect(text(out)).toMatch(/has changed since you started\. I kept your 2 answers[\s\S]*Question 3 of/);
  });

  it("an unreadable saved session restarts with an explanation, never a crash", async () => {
    await store.set("user:slack:T1:U1:quiz", "{garbage");
    expect(text(await say("assess"))).toMatch(/couldn't read your saved progress[\s\S]*Question 1 of/);
  });
});

describe("forget me", () => {
  it("asks for confirmation, then deletes everything about the user (and nothing else)", async () => {
    await say("assess");
    for (let i = 0; i < N; i++) await say("1");
    const answer = await say("salary uk");
    const feedback = answer[0]!.reply.blocks.find((b) => b.type === "feedback")!;
    await engine.handle({
      ...dm(),
      action: { id: ACTIONS.feedback, value: `up:${(feedback as { value: string }).value}` },
    });
    await say("assess", "slack:T1:U2");
    expect((await store.keys("user:slack:T1:U1:")).length).toBeGreaterThanOrEqual(2);
    const ask = await say("forget me");
    const [confirm, keep] = buttons(ask);
    expect(confirm!.label).toMatch(/Yes, delete/);
    expect(text(await click(keep!))).toMatch(/nothing was deleted/);
    expect(text(await click(confirm!))).toMatch(/expired/);
    const again = await say("forget me");
    expect(text(await click(buttons(again)[0]!, "slack:T1:U2"))).toMatch(/nothing was deleted/);
    expect(text(await click(buttons(again)[0]!))).toMatch(/Done: I deleted everything/);
    expect(await store.keys("user:slack:T1:U1:")).toEqual([]);
    expect((await store.keys("user:slack:T1:U2:")).length).toBe(1);
    expect(text(await say("history"))).toMatch(/no self-assessment results yet/);
  });
});

describe("on SQLite, two handles on one file (as two processes would be)", () => {
  const dir = mkdtempSync(join(tmpdir(), "careerfaq-quiz-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("concurrent clicks through two engines record one answer", async () => {
    const file = join(dir, "quiz.db");
    const [storeA, storeB] = [SqliteStore.open(file, clock), SqliteStore.open(file, clock)];
    const a = make(storeA);
    const b = new Engine(catalog, { store: storeB, clock, sessionTtlMs: DAY });
    const out = await a.handle({ ...dm(), text: "assess" });
    const first = answerButtons(out)[0]!;
    const results = await Promise.all(
      [a, b, a, b].map((e) => e.handle({ ...dm(), action: { id: first.action, value: first.value } })),
    );
    expect(results.filter((r) => text(r).includes("already been answered"))).toHaveLength(3);
    expect(JSON.parse((await storeB.get("user:slack:T1:U1:quiz"))!).step).toBe(1);
    await storeA.close();
    await storeB.close();
  });
});
