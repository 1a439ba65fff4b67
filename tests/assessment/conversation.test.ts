/**
 * The quiz as a conversation, through the engine on a real store: a typed reply is read as an
 * answer first; only a clear question goes to the FAQ (then the quiz resumes); anything else gets a
 * short hint, never a topic page. Echo, back, skips in the result, "type" in the terminal.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { CLEAR_QUESTION_CONFIDENCE, explicitQuestion, questionShape } from "../../src/core/assessment/asides.ts";
import { newState } from "../../src/core/assessment/machine.ts";
import { Engine } from "../../src/core/engine.ts";
import { renderText } from "../../src/core/render-text.ts";
import { ACTIONS, type ChannelKind, type Outbound } from "../../src/core/types.ts";
import { MemoryStore } from "../../src/stores/memory.ts";
import { testCatalog } from "../helpers/engine.ts";
import { PHRASINGS } from "./phrasings.ts";

const catalog = testCatalog();
const a = catalog.assessment;
const N = a.questions.length;
const USER = "slack:T1:U1";
const KEY = `user:${USER}:quiz`;
let store: MemoryStore;
let engine: Engine;

beforeEach(() => {
  store = new MemoryStore(() => 1_750_000_000_000);
  engine = new Engine(catalog, { store, clock: () => 1_750_000_000_000 });
});

const say = (text: string, channel: ChannelKind = "slack") =>
  engine.handle({ channel, conversation: `${channel}:D1`, user: USER, direct: true, text });
const text = (out: Outbound[]) => out.map((o) => renderText(o.reply)).join("\n\n");
const session = async () => JSON.parse((await store.get(KEY))!) as { step: number; answers: Record<string, string> };

/** Puts the user at the question with this id (earlier ones answered with their first option). */
async function at(question: string): Promise<void> {
  const step = a.questions.findIndex((q) => q.id === question);
  const answers = Object.fromEntries(a.questions.slice(0, step).map((q) => [q.id, q.options[0]!.id]));
  await store.set(KEY, JSON.stringify({ ...newState(a, USER, 1), step, answers }));
}

describe("an answer, a question for the FAQ, or a hint", () => {
  type Expected = { answer: string } | "faq" | "hint";
  const rows: [question: string, typed: string, expected: Expected][] = [
    ["crm", "I use Zendesk as an agent and build some reports", { answer: "reports" }],
    ["service-years", "about 5 years", { answer: "y5-9" }],
    ["service-years", "about 5 years?", { answer: "y5-9" }],
    ["service-years", "five yrs", { answer: "y5-9" }],
    ["lead-years", "0-2", { answer: "lt2" }],
    ["degree", "bachelor's in psychology", { answer: "other" }],
    ["degree", "an MBA", { answer: "masters" }],
    ["budget", "yes mostly", { answer: "input" }],
    ["coaching", "yeah a bit", { answer: "informal" }],
    ["vendors", "we're fully in-house", { answer: "no" }],
    ["kpis", "I track my team's KPIs and report to management", { answer: "report" }],
    ["crm", "what skills does a director need?", "faq"],
    ["crm", "wait, what does a director earn in the UK?", "faq"],
    ["crm", "quick question: is the job stressful?", "faq"],
    ["degree", "do I need an MBA?", "faq"],
    ["lead-years", "how many years of experience do directors need?", "faq"],
    ["service-years", "what does a customer care director do?", "faq"],
    ["degree", "bachelor's", "hint"],
    ["crm", "purple", "hint"],
    ["crm", "I don't know what that is", "hint"],
    ["crm", "what?", "hint"],
    ["strategy", "hmm, it depends on the week", "hint"],
    ["kpis", "skills", "hint"],
  ];

  it.each(rows)("at %s, %j → %j", async (question, typed, expected) => {
    await at(question);
    const before = await store.get(KEY);
    const out = await say(typed);
    const step = a.questions.findIndex((q) => q.id === question);
    if (typeof expected === "object") {
      expect((await session()).answers[question]).toBe(expected.answer);
      const label = a.questions[step]!.options.find((o) => o.id === expected.answer)!.label;
      expect(text(out)).toMatch(new RegExp(`^Recorded: ${label.replace(/[()]/g, "\\$&")}\\.`));
      return;
    }
    expect(await store.get(KEY)).toBe(before); // nothing recorded
    expect(out.map((o) => o.reply.intent)).not.toContain("skills-page");
    if (expected === "faq") {
      expect(out).toHaveLength(2);
      expect(out[0]!.reply.intent).not.toMatch(/^assess/);
      expect(renderText(out[1]!.reply)).toMatch(new RegExp(`^Back to the self-assessment:\\s+Question ${step + 1} of`));
    } else {
      expect(out).toHaveLength(1);
      expect(out[0]!.reply.intent).toBe("assess-hint");
      // Short: the hint, the question, its answers as buttons; no topic page.
      expect(renderText(out[0]!.reply).split("\n").length).toBeLessThan(12);
    }
  });

  it("every phrasing of the table is taken as the answer it names, never as a question for the FAQ", async () => {
    const wrong: string[] = [];
    for (const [question, typed, expected] of PHRASINGS) {
      await at(question);
      const out = await say(typed);
      const options = a.questions.find((q) => q.id === question)!.options;
      // What the echo says was recorded (the last question's echo heads the result).
      const echoed = /^Recorded: (.*)\.\n/.exec(renderText(out[0]!.reply))?.[1];
      const recorded = options.find((o) => o.label === echoed)?.id;
      const ok = /^(no-match|ambiguous:)/.test(expected)
        ? out.length === 1 && out[0]!.reply.intent === "assess-hint"
        : recorded === expected && out.length === 1;
      if (!ok) wrong.push(`${question}: ${typed} → ${recorded ?? out[0]!.reply.intent}`);
    }
    expect(wrong).toEqual([]);
  });

  it("a hint for a question the FAQ is unsure of says how to ask it", async () => {
    await at("crm");
    expect(text(await say("what?"))).toMatch(/start with "wait,"/);
    expect(text(await say("purple"))).not.toMatch(/start with "wait,"/);
  });

  it("an ambiguous reply names the two answers it could be", async () => {
    await at("degree");
    expect(text(await say("bachelor's"))).toMatch(
      /That could be 3 \("Bachelor's in another field"\) or 4 \("Bachelor's in business, comms or marketing"\)/,
    );
  });

  it("free text the prompt invites never gets the skills page (the 72-line answer it used to get)", async () => {
    await at("crm");
    const out = await say("I mostly answer chats and emails, and I look at the queue stats sometimes");
    expect(text(out).split("\n").length).toBeLessThan(20);
    expect(text(out)).not.toMatch(/Skills/);
  });

  it.each([
    ["wait, what does a director earn?", "what does a director earn?"],
    ["Quick question: is it stressful?", "is it stressful?"],
    ["hold on - do I need an MBA", "do I need an MBA"],
    ["btw how long does it take", "how long does it take"],
    ["wait", undefined],
    ["waiting for a promotion", undefined],
    ["about 5 years", undefined],
  ])("explicitQuestion(%j) → %j", (typed, question) => {
    expect(explicitQuestion(typed)).toBe(question);
  });

  it.each([
    ["what KPIs matter?", "words"],
    ["so, do I need an MBA", "words"],
    ["how many years?", "words"],
    ["about 5 years?", "mark"],
    ["I use it as an agent", undefined],
    ["we're fully in-house", undefined],
    ["what's the pay?", "words"],
    ["isn't that a lot", "words"],
    ["5", undefined],
  ])("questionShape(%j) → %j", (typed, shape) => {
    expect(questionShape(typed)).toBe(shape);
  });

  it("the threshold for a clear question is above the router's answer threshold", () => {
    expect(CLEAR_QUESTION_CONFIDENCE).toBeGreaterThan(0.35);
  });
});

describe("echo and back", () => {
  it("echoes typed and clicked answers; back shows the earlier answer; a new one says what it replaced", async () => {
    let out = await say("assess");
    const two = out.flatMap((o) => o.reply.blocks).flatMap((b) => (b.type === "buttons" ? b.buttons : []))[1]!;
    out = await engine.handle({
      channel: "slack",
      conversation: "slack:D1",
      user: USER,
      direct: true,
      action: { id: two.action, value: two.value },
    });
    expect(text(out)).toMatch(/^Recorded: 2 to 4 years\.[\s\S]*Question 2 of/);
    out = await say("back");
    expect(text(out)).toMatch(
      /^Going back one question\. You answered: 2 to 4 years\. Pick again or type a new answer\.[\s\S]*Question 1 of/,
    );
    out = await say("about 5 years");
    expect(text(out)).toMatch(/^Recorded: 5 to 9 years \(instead of 2 to 4 years\)\.[\s\S]*Question 2 of/);
  });

  it("back to a skipped question says it was skipped", async () => {
    await at("budget");
    await say("skip");
    expect(text(await say("back"))).toMatch(/You skipped this one\. Pick an answer or type one, or skip it again\./);
  });

  it("the last answer is echoed above the result", async () => {
    await at("strategy");
    expect(text(await say("I set the service strategy"))).toMatch(
      /^Recorded: I set the strategy or model\.\s+Your readiness:/,
    );
  });
});

describe("skipped questions in the result", () => {
  it("are left out of the score and listed as not answered, never a 0% gap", async () => {
    await say("assess");
    let out: Outbound[] = [];
    for (const q of a.questions) out = await say(q.skippable ? "skip" : String(q.options.length));
    const result = text(out);
    expect(result).toMatch(/^Skipped\.\s+Your readiness: 100\/100/);
    expect(result).toMatch(/Budgets and forecasts: not answered/);
    expect(result).toMatch(/Strategy and operating model: not answered/);
    expect(result).toMatch(/Not answered \(skipped\), so left out of your score: "Have you worked on a budget/);
    expect(result).not.toMatch(/biggest gap|: 0%/);
  });
});

describe("the words fit the channel", () => {
  it.each([
    ["cli", /Type the number of your answer/, /\btap\b/i],
    ["slack", /Tap an answer or type it/, /Type the number of your answer/],
    ["teams", /Tap an answer or type it/, /Type the number of your answer/],
  ] as const)("%s", async (channel, says, never) => {
    const question = text(await say("assess", channel));
    expect(question).toMatch(says);
    expect(question).not.toMatch(never);
    const hint = text(await say("purple", channel));
    expect(hint).not.toMatch(never);
    if (channel === "cli") expect(hint).toMatch(/type its number/);
  });

  it("quiz buttons go back as the quiz's actions", async () => {
    const out = await say("assess", "cli");
    expect(out[0]!.reply.blocks.some((b) => b.type === "buttons" && b.buttons[0]!.action === ACTIONS.quiz)).toBe(true);
    expect(N).toBe(11);
  });
});
