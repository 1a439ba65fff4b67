/**
 * block_actions (form-encoded payload=…, signed) through the real receiver: every click goes to
 * the engine as { id, value } without the renderer's suffix, and is answered where it was made.
 */
import { describe, expect, it } from "vitest";
import { SHARE_ACTION } from "../../src/channels/slack/share.ts";
import { askPayload } from "../../src/core/payloads.ts";
import { renderText } from "../../src/core/render-text.ts";
import { ACTIONS } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import { testEngine } from "../helpers/engine.ts";
import {
  blockText,
  buttonsIn,
  type ClickOptions,
  clickBody,
  eventBody,
  FORM,
  mention,
  postSlack,
  startSlackServer,
  useSlackServer,
} from "../helpers/slack.ts";
import type { FakeSlack } from "../helpers/slack-fake.ts";

let fake: FakeSlack;
let server: RunningServer;

useSlackServer((f, s) => {
  fake = f;
  server = s;
});

async function click(
  options: Omit<ClickOptions, "responseUrl">,
  responseId = `a${Math.random().toString(36).slice(2, 8)}`,
) {
  const res = await postSlack(server, clickBody({ ...options, responseUrl: fake.responseUrl(responseId) }), {
    contentType: FORM,
  });
  expect(res.status).toBe(200);
  return responseId;
}

/** A real answer's buttons: mention the bot and read what it posted. */
async function answerButtons(question: string) {
  await postSlack(server, eventBody(mention(question)));
  const call = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
  fake.reset();
  return { buttons: buttonsIn(call.params.blocks), ts: "1700000000.000050", thread: String(call.params.thread_ts) };
}

describe("block_actions", () => {
  it("an ask button answers that question in the thread of the clicked message", async () => {
    const { buttons, thread } = await answerButtons("salary uk");
    const follow = buttons.find((b) => b.action_id.startsWith(`${ACTIONS.ask}#`))!;
    await click({
      actionId: follow.action_id,
      value: follow.value,
      label: follow.label,
      messageTs: "1700000000.000050",
      threadTs: thread,
    });
    const call = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    expect(call.params.channel).toBe("C100");
    expect(call.params.thread_ts).toBe(thread);
    // The answer to the button's question: the engine's own lead for that intent and those slots.
    const asked = askPayload.decode(follow.value)!;
    const lead = renderText(testEngine().compose(asked.intent, asked.slots));
    const opening = lead
      .replace(/^[•\s]+/, "")
      .split(/[&<>[(\n]/)[0]!
      .slice(0, 40);
    expect(opening.length).toBeGreaterThan(10);
    expect(blockText(call.params.blocks)).toContain(opening);
    expect(String(call.params.text)).toContain(opening);
  });

  it("a click on a top-level message answers in that message's thread", async () => {
    await click({ actionId: `${ACTIONS.ask}#3`, value: "kpis", label: "KPIs", messageTs: "1700000000.000077" });
    const call = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    expect(call.params.thread_ts).toBe("1700000000.000077");
    expect(blockText(call.params.blocks)).toMatch(/customer satisfaction/i);
  });

  it("👍 is acknowledged privately through response_url", async () => {
    const { buttons } = await answerButtons("salary uk");
    const up = buttons.find((b) => b.action_id.startsWith(`${ACTIONS.feedback}#`) && b.value.startsWith("up:"))!;
    expect(up.label).toContain("👍");
    const id = await click({ actionId: up.action_id, value: up.value, label: up.label });
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    expect(response.body.response_type).toBe("ephemeral");
    expect(response.body.replace_original).toBe(false);
    expect(String(response.body.text)).toContain("👍");
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("👎 offers reasons, privately", async () => {
    const { buttons } = await answerButtons("kpis");
    const down = buttons.find((b) => b.value.startsWith("down:"))!;
    const id = await click({ actionId: down.action_id, value: down.value, label: down.label });
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    expect(buttonsIn(response.body.blocks).map((b) => b.action_id.replace(/#\d+$/, ""))).toContain(
      ACTIONS.feedbackReason,
    );
  });

  it("a stale or unknown button gets the engine's refusal, privately", async () => {
    for (const [actionId, value] of [
      [`${ACTIONS.ask}#0`, "no-such-intent"],
      ["something.else#2", "x"],
    ] as const) {
      const id = await click({ actionId, value });
      const response = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
      expect(response.body.response_type).toBe("ephemeral");
      expect(String(response.body.text)).toMatch(/no longer works/i);
    }
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("a click on a private (ephemeral) answer answers privately, with Share in channel", async () => {
    const id = await click({
      actionId: `${ACTIONS.ask}#1`,
      value: "salary?country=CA",
      label: "Salary in Canada",
      ephemeral: true,
    });
    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    expect(response.body.response_type).toBe("ephemeral");
    expect(blockText(response.body.blocks)).toContain("C$115,000");
    const share = buttonsIn(response.body.blocks).find((b) => b.action_id.startsWith(SHARE_ACTION))!;
    expect(JSON.parse(share.value)).toEqual({ q: "Salary in Canada", a: ACTIONS.ask, v: "salary?country=CA" });
    // Sharing it asks the engine the same button again and posts publicly.
    const sid = await click({ actionId: share.action_id, value: share.value, label: share.label, ephemeral: true });
    const shared = await fake.waitFor(() =>
      fake.responses.find((r) => r.id === sid && r.body.response_type === "in_channel"),
    );
    expect(blockText(shared.body.blocks)).toContain("<@U100> asked: Salary in Canada");
    expect(blockText(shared.body.blocks)).toContain("C$115,000");
  });

  it("a click in a DM answers in the DM", async () => {
    await click({ actionId: `${ACTIONS.ask}#0`, value: "training", channel: "D100", messageTs: "1700000000.000090" });
    const call = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    expect(call.params.channel).toBe("D100");
    expect(call.params.thread_ts).toBeUndefined();
    expect(blockText(call.params.blocks)).toMatch(/6-12 months/);
  });

  it("a click in App Home answers in the user's DM", async () => {
    await click({ actionId: `${ACTIONS.ask}#4`, value: "outlook", home: true });
    const call = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    expect(fake.callsTo("conversations.open")[0]!.params.users).toBe("U100");
    expect(call.params.channel).toBe("D100");
    expect(blockText(call.params.blocks)).toMatch(/2%/);
  });
});

describe("Ask an expert (EXPERTS_CHANNEL set)", () => {
  it("posts the declined question to the experts' channel with who asked, remembers the thread, and tells the asker privately", async () => {
    const experts = await startSlackServer(fake, { EXPERTS_CHANNEL: "CEXPERTS" });
    try {
      await postSlack(experts, eventBody(mention("what's the weather in paris <!here>?")));
      const declined = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
      const ask = buttonsIn(declined.params.blocks).find((b) => b.action_id.startsWith(`${ACTIONS.expert}#`))!;
      expect(ask.label).toBe("Ask an expert");
      fake.reset();
      const id = `x${Math.random().toString(36).slice(2, 8)}`;
      await postSlack(
        experts,
        clickBody({ actionId: ask.action_id, value: ask.value, label: ask.label, responseUrl: fake.responseUrl(id) }),
        { contentType: FORM },
      );
      const forwarded = await fake.waitFor(() =>
        fake.callsTo("chat.postMessage").find((c) => c.params.channel === "CEXPERTS"),
      );
      const text = blockText(forwarded.params.blocks);
      expect(text).toContain("Asked by <@U100> in <#C100>");
      expect(text).toContain("weather in paris @\u2060here?");
      expect(forwarded.params.thread_ts).toBeUndefined();
      const confirm = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
      expect(confirm.body.response_type).toBe("ephemeral");
      expect(String(confirm.body.text)).toMatch(/passed your question to the experts/);
      // The thread is remembered (for relaying an expert's reply to the asker).
      const [key] = await fake.waitFor(async () => {
        const keys = await experts.store.keys("expert:thread:slack:CEXPERTS:");
        return keys.length > 0 ? keys : undefined;
      });
      expect(JSON.parse((await experts.store.get(key!))!)).toMatchObject({
        user: "slack:T1:U100",
        conversation: "slack:T1:C100",
        channel: "slack",
      });
    } finally {
      await experts.close();
    }
  });
});
