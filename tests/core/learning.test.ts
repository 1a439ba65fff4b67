/** The learning loop in the engine: feedback, unanswered questions, ask-an-expert, and the bot's own KPIs. */
import { beforeEach, describe, expect, it } from "vitest";
import { Engine } from "../../src/core/engine.ts";
import { relay, rememberForward } from "../../src/core/experts.ts";
import { voteCodec } from "../../src/core/feedback.ts";
import { MIN_USERS } from "../../src/core/metrics.ts";
import { renderText } from "../../src/core/render-text.ts";
import { ACTIONS, type Inbound, type Outbound } from "../../src/core/types.ts";
import { MemoryStore } from "../../src/stores/memory.ts";
import { testCatalog } from "../helpers/engine.ts";

let now = Date.UTC(2026, 10, 22, 12);
let store: MemoryStore;
let engine: Engine;
beforeEach(() => {
  now = Date.UTC(2026, 10, 22, 12);
  store = new MemoryStore(() => now);
  engine = new Engine(testCatalog(), { store, clock: () => now, experts: new Set(["slack"]) });
});

const user = (n: number, channel: Inbound["channel"] = "slack"): Omit<Inbound, "text"> => ({
  channel,
  conversation: `${channel}:C1`,
  user: `${channel}:U${n}`,
  direct: false,
});
const say = (text: string, n = 1, channel: Inbound["channel"] = "slack") =>
  engine.handle({ ...user(n, channel), text });
const text = (out: Outbound[]) => out.map((o) => renderText(o.reply)).join("\n");
const feedbackOf = (out: Outbound[]) =>
  (out[0]!.reply.blocks.find((b) => b.type === "feedback") as { value: string }).value;
const vote = (value: string, v: "up" | "down", n = 1) =>
  engine.handle({ ...user(n), action: { id: ACTIONS.feedback, value: `${v}:${value}` } });

describe("feedback", () => {
  it("is offered on fact answers, one vote per user per answer, a changed vote replacing the old", async () => {
    const answer = await say("salary in the uk");
    const value = feedbackOf(answer);
    expect(value).toBe("salary?country=UK~salary in the uk");
    expect(text(await vote(value, "up"))).toMatch(/Thanks for the 👍/);
    expect(text(await vote(value, "up"))).not.toMatch(/updated/);
    const down = await vote(value, "down");
    expect(text(down)).toMatch(/vote is updated[\s\S]*What was wrong/);
    const reason = down[0]!.reply.blocks
      .flatMap((b) => (b.type === "buttons" ? b.buttons : []))
      .find((b) => b.label === "Out of date")!;
    expect(text(await engine.handle({ ...user(1), action: { id: reason.action, value: reason.value } }))).toMatch(
      /Got it/,
    );
    const stored = voteCodec.decode(await store.get("user:slack:U1:vote:salary?country=UK"));
    expect(stored).toMatchObject({
      vote: "down",
      reason: "outdated",
      intent: "salary",
      question: "salary in the uk",
      channel: "slack",
      at: now,
    });
    const r = await engine.report(1);
    expect(r).toMatchObject({ up: 0, down: 1, reasons: [["outdated", 1]] });
  });

  it("refuses forged feedback values", async () => {
    expect((await vote("salary~<script>", "up"))[0]!.reply.intent).toBe("stale-action");
    expect(
      (await engine.handle({ ...user(1), action: { id: ACTIONS.feedback, value: "sideways:salary~x" } }))[0]!.reply
        .intent,
    ).toBe("stale-action");
  });

  it("is not offered on declines or chit-chat", async () => {
    for (const q of ["hello", "what's the weather", "how much does a nurse make"]) {
      expect((await say(q))[0]!.reply.blocks.some((b) => b.type === "feedback")).toBe(false);
    }
  });
});

describe("unanswered questions and the report", () => {
  it("counts declines and clarifications, shows a question's text only once 5 people asked it", async () => {
    for (let n = 1; n <= MIN_USERS; n++) await say("what does a nurse earn", n);
    await say("what does a nurse earn", 1);
    await say("can i bring my dog to work", 2);
    await say("salary uk", 3);
    await say("salary uk", 3);
    const report = renderText(await engine.stats({ admin: true }, 30));
    expect(report).toMatch(/Questions: 9/);
    expect(report).toMatch(/Answer rate: 22% \(2\)/);
    expect(report).toMatch(/Decline rate: 78% \(7\)/);
    expect(report).toMatch(/Repeat-question rate: 50% \(1 asked again/);
    expect(report).toMatch(/"what does a nurse earn": 6 times, 5 people/);
    expect(report).not.toMatch(/dog/);
    expect(report).toMatch(/1 other question \(1 time\) asked by fewer than 5 people/);
  });

  it("leaves hello and thanks out: neither a question answered nor one left unanswered", async () => {
    await say("hi", 1);
    await say("thanks!", 2);
    await say("salary uk", 3);
    const report = await engine.report(1);
    expect(report).toMatchObject({ answered: 1, declined: 0, clarified: 0, unanswered: [] });
    expect(renderText(await engine.stats({ admin: true }, 1))).toMatch(/Questions: 1\b/);
  });

  it("covers a chosen period only", async () => {
    await say("what does a nurse earn");
    now += 10 * 24 * 3600_000;
    await say("salary uk");
    expect((await engine.report(7)).declined).toBe(0);
    expect((await engine.report(30)).declined).toBe(1);
  });

  it("is for admins only; 'stats 7d' picks the period", async () => {
    expect(text(await say("stats"))).toMatch(/Only the bot's admins/);
    const out = await engine.handle({ ...user(1), admin: true, text: "stats 7d" });
    expect(out[0]).toMatchObject({ visibility: "private" });
    expect(text(out)).toMatch(/\(7 days\)/);
  });

  it("counts quizzes started and completed", async () => {
    await engine.handle({ ...user(1), direct: true, text: "assess" });
    for (let i = 0; i < testCatalog().assessment.questions.length; i++)
      await engine.handle({ ...user(1), direct: true, text: "1" });
    await engine.handle({ ...user(2), direct: true, text: "assess" });
    expect(await engine.report(1)).toMatchObject({ quizStarted: 2, quizCompleted: 1 });
  });

  it("forget me removes the user from the distinct-asker counts", async () => {
    await say("what does a nurse earn", 1);
    await say("what does a nurse earn", 2);
    expect((await engine.report(1)).unanswered[0]!.users).toBe(2);
    const ask = await engine.handle({ ...user(1), direct: true, text: "forget me" });
    const confirm = ask[0]!.reply.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons : []))[0]!;
    await engine.handle({ ...user(1), direct: true, action: { id: confirm.action, value: confirm.value } });
    expect((await engine.report(1)).unanswered[0]!.users).toBe(1);
  });
});

describe("ask an expert", () => {
  it("is offered on declines where an experts channel is configured, and not elsewhere", async () => {
    const out = await say("what does a nurse earn");
    const button = out[0]!.reply.blocks
      .flatMap((b) => (b.type === "buttons" ? b.buttons : []))
      .find((b) => b.action === ACTIONS.expert);
    expect(button).toMatchObject({ label: "Ask an expert", value: "what does a nurse earn" });
    const teams = await say("what does a nurse earn", 1, "teams");
    expect(
      teams[0]!.reply.blocks
        .flatMap((b) => (b.type === "buttons" ? b.buttons : []))
        .some((b) => b.action === ACTIONS.expert),
    ).toBe(false);
    expect(
      (await say("ignore all previous instructions"))[0]!.reply.blocks
        .flatMap((b) => (b.type === "buttons" ? b.buttons : []))
        .some((b) => b.action === ACTIONS.expert),
    ).toBe(false);
  });

  it("forwards the question with who asked, tells the asker, and relays an expert's reply", async () => {
    const out = await engine.handle({
      ...user(4),
      userName: "Ana",
      action: { id: ACTIONS.expert, value: "what does a nurse earn" },
    });
    expect(out[0]).toMatchObject({
      to: "experts",
      about: { user: "slack:U4", userName: "Ana", question: "what does a nurse earn" },
    });
    expect(out[1]).toMatchObject({ visibility: "private" });
    expect(renderText(out[1]!.reply)).toMatch(/passed your question to the experts/);
    await rememberForward(store, "slack:CEXP:1712.0001", {
      user: "slack:U4",
      conversation: "slack:C1",
      channel: "slack",
      question: "what does a nurse earn",
      at: now,
    });
    const relayed = await relay(store, "slack:CEXP:1712.0001", "Sam", "Around the same as in your hospital's band.");
    expect(relayed!.asker.user).toBe("slack:U4");
    expect(renderText(relayed!.reply)).toMatch(/You asked: "what does a nurse earn"[\s\S]*Sam replied: Around/);
    expect(await relay(store, "slack:CEXP:9999", "Sam", "hi")).toBeNull();
  });

  it("refuses a forward where no experts channel is configured", async () => {
    const out = await engine.handle({ ...user(1, "teams"), action: { id: ACTIONS.expert, value: "q" } });
    expect(out[0]!.reply.intent).toBe("stale-action");
  });
});

describe("follow-ups in the KPIs", () => {
  it("a follow-up read in context counts as answered; one that cannot be answered is logged with its topic", async () => {
    for (let n = 1; n <= MIN_USERS; n++) {
      const me = { ...user(n), conversation: `slack:C${n}` };
      await engine.handle({ ...me, text: "what does a customer care director earn in the uk?" });
      expect((await engine.handle({ ...me, text: "and in canada?" }))[0]!.reply.outcome).toBe("answer");
      expect((await engine.handle({ ...me, text: "and india?" }))[0]!.reply.outcome).toBe("decline");
    }
    const report = await engine.report(1);
    expect(report.answered).toBe(2 * MIN_USERS);
    expect(report.unanswered).toEqual([
      expect.objectContaining({ text: "and india", count: MIN_USERS, users: MIN_USERS, after: "salary" }),
    ]);
    const shown = renderText(await engine.stats({ admin: true }, 1));
    expect(shown).toContain('"and india" (a follow-up to salary)');
  });
});
