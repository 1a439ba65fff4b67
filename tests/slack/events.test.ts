/**
 * Events through the real Bolt HTTPReceiver on the shared server: mentions answered in their
 * thread, DMs in the DM, bots and message subtypes ignored, App Home published.
 */
import { describe, expect, it } from "vitest";
import { SLACK_METHODS } from "../../src/channels/slack/index.ts";
import { ACTIONS } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import {
  blockText,
  buttonsIn,
  directMessage,
  eventBody,
  mention,
  postSlack,
  richText,
  useSlackServer,
} from "../helpers/slack.ts";
import type { FakeSlack } from "../helpers/slack-fake.ts";

let fake: FakeSlack;
let server: RunningServer;

useSlackServer((f, s) => {
  fake = f;
  server = s;
});

const posted = () => fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);

describe("app_mention", () => {
  it("answers in a thread under the mention, with facts, sources, buttons and the text fallback", async () => {
    const event = mention("what is the salary in the uk?");
    const res = await postSlack(server, eventBody(event));
    expect(res.status).toBe(200);
    const call = await posted();
    expect(call.params.channel).toBe("C100");
    expect(call.params.thread_ts).toBe(event.ts);
    const blocks = call.params.blocks as { type: string }[];
    const text = blockText(blocks);
    expect(text).toContain("£70,000");
    expect(text).toContain("£45,000 to £100,000");
    expect(blocks[0]).toMatchObject({ type: "section" }); // the answer itself comes first, no title
    expect(blocks.some((b) => b.type === "context")).toBe(true); // sources
    expect(text).toMatch(/\[1\] jobdescription\.org \(2023\)/);
    const buttons = buttonsIn(blocks);
    expect(buttons.some((b) => b.action_id.startsWith(`${ACTIONS.ask}#`))).toBe(true);
    expect(
      buttons.filter((b) => b.action_id.startsWith(`${ACTIONS.feedback}#`)).map((b) => b.value.slice(0, 3)),
    ).toEqual(["up:", "dow"]);
    expect(String(call.params.text)).toContain("£70,000");
    expect(call.authorization).toBe("Bearer xoxb-111-222-testtokenvalue");
  });

  it("reads a mention that carries rich_text blocks", async () => {
    await postSlack(server, eventBody(mention("what KPIs matter?", { blocks: richText("what KPIs matter?") })));
    const call = await posted();
    expect(blockText(call.params.blocks)).toMatch(/customer satisfaction/i);
  });

  it("answers a mention inside a thread in that thread", async () => {
    const event = mention("how much experience do I need?", { thread_ts: "1699999999.000100" });
    await postSlack(server, eventBody(event));
    const call = await posted();
    expect(call.params.thread_ts).toBe("1699999999.000100");
    expect(blockText(call.params.blocks)).toMatch(/4-6 years/);
  });

  it("shows help for a bare mention", async () => {
    await postSlack(server, eventBody(mention("")));
    const call = await posted();
    expect(String(call.params.text)).toMatch(/what i can do/i);
  });
});

describe("message.im", () => {
  it("answers in the DM, not in a thread", async () => {
    await postSlack(server, eventBody(directMessage("what degree do I need?")));
    const call = await posted();
    expect(call.params.channel).toBe("D100");
    expect(call.params.thread_ts).toBeUndefined();
    expect(blockText(call.params.blocks)).toMatch(/bachelor/i);
  });

  it("ignores bots (itself included), edits, deletions, joins and other subtypes", async () => {
    const ignored = [
      directMessage("salary uk", { bot_id: "BBOT" }),
      directMessage("salary uk", { subtype: "bot_message", bot_id: "BOTHER" }),
      directMessage("salary uk", { subtype: "message_changed", message: { text: "salary uk" } }),
      directMessage("", { subtype: "message_deleted" }),
      directMessage("joined", { subtype: "channel_join" }),
      mention("salary uk", { bot_id: "BOTHER" }),
    ];
    for (const event of ignored) expect((await postSlack(server, eventBody(event))).status).toBe(200);
    // A real question afterwards is answered: the ignored ones would have been posted before it.
    await postSlack(server, eventBody(directMessage("kpis?")));
    const call = await posted();
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(blockText(call.params.blocks)).toMatch(/KPI/);
  });
});

describe("app_home_opened", () => {
  it("publishes the Home view for the user", async () => {
    await postSlack(
      server,
      eventBody({ type: "app_home_opened", user: "U100", channel: "D100", tab: "home", ts: "1700000000.000001" }),
    );
    const call = await fake.waitFor(() => fake.callsTo("views.publish")[0]);
    expect(call.params.user_id).toBe("U100");
    const view = call.params.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(buttonsIn(view.blocks).length).toBeGreaterThan(5); // topic buttons
    expect(blockText(view.blocks)).toMatch(/Customer Care/);
  });

  it("publishes no Home view for the Messages tab (the DM: agent-view.test.ts)", async () => {
    await postSlack(
      server,
      eventBody({ type: "app_home_opened", user: "U100", channel: "D100", tab: "messages", ts: "1700000000.000002" }),
    );
    await fake.waitFor(() => fake.callsTo("assistant.threads.setSuggestedPrompts")[0]);
    expect(fake.callsTo("views.publish")).toHaveLength(0);
  });
});

it("calls only Web API methods that manifest.yml's scopes cover", () => {
  expect(fake.seen.size).toBeGreaterThan(0);
  for (const method of fake.seen) expect(Object.keys(SLACK_METHODS)).toContain(method);
});
