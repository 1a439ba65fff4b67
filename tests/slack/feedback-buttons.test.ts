/**
 * Slack's native feedback_buttons (in a context_actions block) end to end over HTTP: the answer
 * carries them, a signed click in the block_actions shape of @slack/bolt's BlockFeedbackButtonsAction
 * records one vote per user per answer, 👎 asks for the reason, and clicks go through the same
 * signature check, replay handling and stale-button rule as any other click.
 */
import type { BlockFeedbackButtonsAction } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { baseActionId } from "../../src/channels/slack/render.ts";
import { voteCodec, voteKey } from "../../src/core/feedback.ts";
import { ACTIONS } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import {
  blockText,
  buttonsIn,
  eventBody,
  FORM,
  mention,
  nextTriggerId,
  postSlack,
  signature,
  TEAM,
  useSlackServer,
} from "../helpers/slack.ts";
import type { ApiCall, FakeSlack } from "../helpers/slack-fake.ts";

let fake: FakeSlack;
let server: RunningServer;
useSlackServer((f, s) => {
  fake = f;
  server = s;
});

/** The context_actions block of a posted answer, and its feedback_buttons element. */
function feedbackOf(answer: ApiCall) {
  const blocks = answer.params.blocks as Record<string, any>[];
  const block = blocks.find((b) => b.type === "context_actions")!;
  return { block, element: block.elements[0] as Record<string, any> };
}

let clicks = 0;
/** A click on one of the feedback buttons, shaped as Bolt types it (each a new click: its own trigger_id). */
function feedbackClick(
  answer: ApiCall,
  vote: "positive_button" | "negative_button",
  user: string,
  responseUrl: string,
) {
  const { element } = feedbackOf(answer);
  const button = element[vote] as { text: { type: "plain_text"; text: string }; value: string };
  const payload: BlockFeedbackButtonsAction = {
    type: "block_actions",
    team: { id: TEAM, domain: "example" },
    user: { id: user, username: "alex", name: "alex", team_id: TEAM },
    channel: { id: "C100", name: "general" },
    message: { type: "message", user: "UBOT", ts: String(answer.result?.ts), text: String(answer.params.text) },
    container: { type: "message", message_ts: String(answer.result?.ts), channel_id: "C100", is_ephemeral: false },
    actions: [
      {
        type: "feedback_buttons",
        action_id: element.action_id,
        block_id: "fb1",
        action_ts: `1700000002.${String(++clicks).padStart(6, "0")}`,
        value: button.value,
        text: button.text,
      },
    ],
    token: "unused-verification-token",
    response_url: responseUrl,
    trigger_id: nextTriggerId(),
    api_app_id: "A1",
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function answer(question: string): Promise<ApiCall> {
  await postSlack(server, eventBody(mention(question)));
  const call = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
  fake.reset();
  return call;
}

async function click(body: string, id: string): Promise<Record<string, unknown>> {
  const res = await postSlack(server, body, { contentType: FORM });
  expect(res.status).toBe(200);
  return (await fake.waitFor(() => fake.responses.find((r) => r.id === id))).body;
}

const storedVote = async (user: string, answerId: string) =>
  voteCodec.decode(await server.store.get(voteKey(`slack:${TEAM}:${user}`, answerId)));

describe("feedback_buttons", () => {
  it("an answer carries Slack's native feedback buttons, not hand-made 👍/👎 buttons", async () => {
    const call = await answer("what is the salary in the uk?");
    const { block, element } = feedbackOf(call);
    expect(block.elements).toHaveLength(1);
    expect(element.type).toBe("feedback_buttons");
    expect(baseActionId(element.action_id)).toBe(ACTIONS.feedback);
    expect(element.positive_button.value).toMatch(/^up:salary\?country=UK~/);
    expect(element.negative_button.value).toMatch(/^down:salary\?country=UK~/);
    const actionButtons = (call.params.blocks as Record<string, any>[])
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements);
    expect(actionButtons.some((b) => baseActionId(b.action_id) === ACTIONS.feedback)).toBe(false);
    expect(String(call.params.text)).not.toMatch(/Helpful/); // the fallback text has no buttons
  });

  it("a signed 👍 is stored and thanked privately; clicking it again is still one vote", async () => {
    const call = await answer("what is the salary in the uk?");
    const answerId = String(feedbackOf(call).element.positive_button.value).slice(3).split("~")[0]!;
    const thanks = await click(feedbackClick(call, "positive_button", "U810", fake.responseUrl("up1")), "up1");
    expect(thanks.response_type).toBe("ephemeral");
    expect(String(thanks.text)).toContain("👍");
    await click(feedbackClick(call, "positive_button", "U810", fake.responseUrl("up2")), "up2");
    expect(await storedVote("U810", answerId)).toMatchObject({ vote: "up", intent: "salary" });
    const report = await server.engine.report(1);
    expect(report.votesByIntent.find(([intent]) => intent === "salary")?.[1].up).toBe(1);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0); // nothing public
  });

  it("👎 asks for the reason, the reason is stored; a changed vote replaces the old one", async () => {
    const call = await answer("what is the salary in the uk?");
    const answerId = String(feedbackOf(call).element.negative_button.value).slice(5).split("~")[0]!;
    await click(feedbackClick(call, "positive_button", "U811", fake.responseUrl("u")), "u");
    const down = await click(feedbackClick(call, "negative_button", "U811", fake.responseUrl("d")), "d");
    expect(String(down.text)).toMatch(/updated[\s\S]*What was wrong/);
    const reasons = buttonsIn(down.blocks).filter((b) => baseActionId(b.action_id) === ACTIONS.feedbackReason);
    expect(reasons.map((r) => r.value.split(":")[0])).toEqual(["wrong", "incomplete", "outdated", "not-asked"]);
    const outdated = reasons.find((r) => r.value.startsWith("outdated:"))!;
    const payload = JSON.parse(decodeURIComponent(feedbackClick(call, "negative_button", "U811", "").slice(8)));
    payload.actions = [{ ...payload.actions[0], type: "button", action_id: outdated.action_id, value: outdated.value }];
    payload.response_url = fake.responseUrl("r");
    const got = await click(`payload=${encodeURIComponent(JSON.stringify(payload))}`, "r");
    expect(blockText(got.blocks)).toMatch(/Got it, thank you/);
    expect(await storedVote("U811", answerId)).toMatchObject({ vote: "down", reason: "outdated" });
  });

  it("an unsigned or forged click is refused with 401 and records nothing", async () => {
    const call = await answer("what is the salary in the uk?");
    const answerId = String(feedbackOf(call).element.positive_button.value).slice(3).split("~")[0]!;
    const body = feedbackClick(call, "positive_button", "U812", fake.responseUrl("x"));
    const now = Math.floor(Date.now() / 1000);
    for (const sig of [null, signature(body, now, "another-secret-0123456789"), signature(`${body}x`, now)]) {
      const res = await postSlack(server, body, { contentType: FORM, signature: sig, timestamp: now });
      expect(res.status).toBe(401);
    }
    const stale = now - 600; // a replay older than five minutes, however well signed
    expect((await postSlack(server, body, { contentType: FORM, timestamp: stale })).status).toBe(401);
    expect(await storedVote("U812", answerId)).toBeUndefined();
    expect(fake.responses).toHaveLength(0);
  });

  it("a feedback button whose value is not ours gets the stale-button note, privately", async () => {
    const call = await answer("what is the salary in the uk?");
    const body = feedbackClick(call, "positive_button", "U813", fake.responseUrl("s")).replace(
      encodeURIComponent("up:salary"),
      encodeURIComponent("up:no such answer!"),
    );
    const note = await click(body, "s");
    expect(note.response_type).toBe("ephemeral");
    expect(String(note.text)).toMatch(/no longer works/);
  });
});
