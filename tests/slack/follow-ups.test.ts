/**
 * Follow-ups in Slack, through the real Bolt HTTPReceiver and a fake Web API: a reply in a thread
 * where the bot answered a mention is answered there, in context, without a new mention; a DM keeps
 * its context; channel messages outside the bot's threads are never answered; a mention that also
 * arrives as a channel message is answered once.
 */
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server.ts";
import {
  blockText,
  channelMessage,
  directMessage,
  eventBody,
  mention,
  postSlack,
  useSlackServer,
} from "../helpers/slack.ts";
import type { FakeSlack } from "../helpers/slack-fake.ts";

let fake: FakeSlack;
let server: RunningServer;

useSlackServer((f, s) => {
  fake = f;
  server = s;
});

/** The n-th chat.postMessage, once it has been made. */
const nth = (n: number) => fake.waitFor(() => fake.callsTo("chat.postMessage")[n]);
const textOf = (call: { params: Record<string, unknown> }) =>
  `${String(call.params.text)}\n${blockText(call.params.blocks as { type: string }[])}`;

describe("follow-ups in Slack", () => {
  it("a thread reply without a mention is answered in the thread, in the thread's context", async () => {
    const asked = mention("what does a customer care director earn in the uk?");
    expect((await postSlack(server, eventBody(asked))).status).toBe(200);
    const first = await nth(0);
    expect(textOf(first)).toContain("£70,000");

    const reply = channelMessage("and in canada?", { user: "U100", thread_ts: asked.ts });
    expect((await postSlack(server, eventBody(reply))).status).toBe(200);
    const second = await nth(1);
    expect(second.params.thread_ts).toBe(asked.ts);
    expect(textOf(second)).toContain("C$115,000");
    expect(textOf(second)).not.toContain("£70,000");
  });

  it("in a thread, 'why does that matter?' after a picked item explains that item (the state goes through the store)", async () => {
    const asked = mention("common mistakes cs directors make?");
    expect((await postSlack(server, eventBody(asked))).status).toBe(200);
    await nth(0);
    const pick = channelMessage("tell me more about the fourth one", { user: "U100", thread_ts: asked.ts });
    expect((await postSlack(server, eventBody(pick))).status).toBe(200);
    expect(textOf(await nth(1))).toContain("Separating customer care from the rest of the business");
    const why = channelMessage("why does that matter", { user: "U100", thread_ts: asked.ts });
    expect((await postSlack(server, eventBody(why))).status).toBe(200);
    const third = await nth(2);
    expect(third.params.thread_ts).toBe(asked.ts);
    expect(textOf(third)).toContain("Separating customer care from the rest of the business");
    expect(textOf(third)).toContain("Aligns support with the product, operations and commercial teams");
  });

  it("a message in a thread the bot never answered, or outside any thread, gets nothing", async () => {
    const stranger = channelMessage("and in canada?", { thread_ts: "1700000000.000001" });
    expect((await postSlack(server, eventBody(stranger))).status).toBe(200);
    const chatter = channelMessage("salary in canada?");
    expect((await postSlack(server, eventBody(chatter))).status).toBe(200);
    // Something that is answered afterwards proves the two were handled (and dropped) first.
    expect((await postSlack(server, eventBody(mention("kpis?")))).status).toBe(200);
    const only = await nth(0);
    expect(textOf(only)).toMatch(/repeat-contact rate/i);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("a mention in the bot's thread arrives twice (app_mention and message) and is answered once", async () => {
    const asked = mention("skills needed?");
    await postSlack(server, eventBody(asked));
    await nth(0);
    const again = mention("and for a manager?", { thread_ts: asked.ts });
    const copy = { ...channelMessage(String(again.text), { user: "U100", thread_ts: asked.ts }), ts: again.ts };
    await postSlack(server, eventBody(again));
    await postSlack(server, eventBody(copy));
    await nth(1);
    expect((await postSlack(server, eventBody(mention("kpis?")))).status).toBe(200);
    await nth(2);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(3);
  });

  it("a DM follow-up is read against the previous DM", async () => {
    await postSlack(server, eventBody(directMessage("how much do customer care directors earn?")));
    expect(textOf(await nth(0))).toContain("$125,654");
    await postSlack(server, eventBody(directMessage("what about entry level?")));
    expect(textOf(await nth(1))).toContain("$78,000");
  });
});
