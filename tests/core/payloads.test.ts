/** Button payloads: each action's codec round-trips its format and refuses malformed or forged values. */
import { describe, expect, it } from "vitest";
import {
  askPayload,
  expertPayload,
  feedbackTarget,
  forgetPayload,
  PAYLOADS,
  quizAnswerPayload,
  quizControlPayload,
  reasonPayload,
  votePayload,
  voteValue,
} from "../../src/core/payloads.ts";
import { ACTIONS, type Inbound } from "../../src/core/types.ts";
import { testEngine } from "../helpers/engine.ts";

const target = { answer: "salary?country=UK", intent: "salary", question: "salary uk" };

describe("each action's codec keeps today's format and round-trips", () => {
  it.each([
    [ACTIONS.ask, { intent: "salary", slots: { country: "UK", level: "entry" } }, "salary?country=UK&level=entry"],
    [
      ACTIONS.ask,
      { intent: "salary", slots: { period: "hour", aspect: "stress", byLevel: true } },
      "salary?period=hour&aspect=stress&by=level",
    ],
    [ACTIONS.more, { intent: "skills", slots: {} }, "skills"],
    [ACTIONS.feedback, { vote: "up", target }, "up:salary?country=UK~salary uk"],
    [ACTIONS.feedback, { vote: "down", target }, "down:salary?country=UK~salary uk"],
    [ACTIONS.feedbackReason, { reason: "not-asked", target }, "not-asked:salary?country=UK~salary uk"],
    [
      ACTIONS.quiz,
      { attempt: "m1abc12", owner: "1a2b3c4d", question: "service-years", option: "y2-4" },
      "m1abc12.1a2b3c4d.service-years.y2-4",
    ],
    [ACTIONS.quizControl, { command: "back", attempt: "m1abc12", owner: "1a2b3c4d" }, "back.m1abc12.1a2b3c4d"],
    [ACTIONS.quizControl, { command: "history" }, "history"],
    [ACTIONS.forget, { choice: "confirm", nonce: "m1abc1a2b" }, "confirm.m1abc1a2b"],
    [ACTIONS.expert, "how much does a nurse make?", "how much does a nurse make?"],
  ])("%s %j ⇄ %s", (id, payload, value) => {
    const codec = PAYLOADS[id as keyof typeof PAYLOADS] as { encode(p: unknown): string; decode(v: string): unknown };
    expect(codec.encode(payload)).toBe(value);
    expect(codec.decode(value)).toEqual(payload);
  });

  it("the feedback block's value is the target, and a renderer's vote value is the vote codec's", () => {
    expect(feedbackTarget.encode(target)).toBe("salary?country=UK~salary uk");
    expect(feedbackTarget.decode("salary?country=UK~salary uk")).toEqual(target);
    expect(voteValue("up", feedbackTarget.encode(target))).toBe(votePayload.encode({ vote: "up", target }));
  });

  it("drops unknown slot values rather than refusing the question (as before)", () => {
    expect(askPayload.decode("salary?country=FR&level=boss&period=hour&x=1")).toEqual({
      intent: "salary",
      slots: { period: "hour" },
    });
  });

  it("cuts an expert question to 500 characters", () => {
    expect(expertPayload.encode("x".repeat(600))).toHaveLength(500);
  });
});

describe("malformed and forged values decode to nothing", () => {
  const huge = "a".repeat(5000);
  it.each([
    [ACTIONS.ask, ["", "Salary", "salary!", "../etc", `${"a".repeat(41)}`, `salary?${"x".repeat(200)}`, huge]],
    [
      ACTIONS.feedback,
      ["", "up", "up:", "sideways:salary~x", "up:salary~<script>", "up:SALARY~x", `up:salary~${huge}`],
    ],
    [ACTIONS.feedbackReason, ["", "wrong", "because:salary~x", ":salary~x", "wrong:salary~Hi!", huge]],
    [ACTIONS.quiz, ["", "a.b.c", "a.b.c.d.e", "a..c.d", "a.b.c.<d>", huge]],
    [ACTIONS.quizControl, ["", "jump.a.b", "back.a.b.c", "back..b", huge]],
    [ACTIONS.forget, ["", "confirm", "confirm.", "delete.n1", "confirm.n1.x", huge]],
    [ACTIONS.expert, [huge]],
  ])("%s", (id, values) => {
    const codec = PAYLOADS[id as keyof typeof PAYLOADS];
    for (const value of values) expect(codec.decode(value), value.slice(0, 40)).toBeUndefined();
  });

  it("standalone codecs agree with the table", () => {
    expect(PAYLOADS[ACTIONS.feedbackReason]).toBe(reasonPayload);
    expect(PAYLOADS[ACTIONS.quiz]).toBe(quizAnswerPayload);
    expect(PAYLOADS[ACTIONS.quizControl]).toBe(quizControlPayload);
    expect(PAYLOADS[ACTIONS.forget]).toBe(forgetPayload);
  });
});

describe("a forged value gets the stale-button reply", () => {
  const click = (id: string, value: string): Inbound => ({
    channel: "slack",
    conversation: "slack:T1:D1",
    user: "slack:T1:U1",
    direct: true,
    action: { id, value },
  });
  it.each([
    [ACTIONS.ask, "salary!"],
    [ACTIONS.more, "x".repeat(5000)],
    [ACTIONS.feedback, "sideways:salary~x"],
    [ACTIONS.feedbackReason, "because:salary~x"],
    ["careerfaq.unknown", "anything"],
  ])("%s %s", async (id, value) => {
    const [out, ...rest] = await testEngine().handle(click(id, value));
    expect(out!.reply.intent).toBe("stale-action");
    expect(out!.visibility).toBe("private");
    expect(rest).toEqual([]);
  });
});
