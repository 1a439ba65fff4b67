/**
 * /careerfaq through the real receiver (form-encoded, signed): acked at once, answered privately
 * through response_url with "Share in channel", which posts the same answer publicly.
 */
import { describe, expect, it } from "vitest";
import { SHARE_ACTION } from "../../src/channels/slack/share.ts";
import { ACTIONS } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import { blockText, buttonsIn, clickBody, commandBody, FORM, postSlack, useSlackServer } from "../helpers/slack.ts";
import type { FakeSlack, ResponseCall } from "../helpers/slack-fake.ts";

let fake: FakeSlack;
let server: RunningServer;

useSlackServer((f, s) => {
  fake = f;
  server = s;
});

async function command(
  text: string,
  responseId = `cmd${Math.random().toString(36).slice(2, 8)}`,
): Promise<{ status: number; text: string; response: ResponseCall }> {
  const res = await postSlack(server, commandBody(text, { response_url: fake.responseUrl(responseId) }), {
    contentType: FORM,
  });
  const response = await fake.waitFor(() => fake.responses.find((r) => r.id === responseId));
  return { ...res, response };
}

describe("/careerfaq", () => {
  it("acks with an empty 200 and answers privately through response_url, with Share in channel", async () => {
    const { status, text, response } = await command("salary in canada");
    expect(status).toBe(200);
    expect(text).toBe("");
    expect(response.body.response_type).toBe("ephemeral");
    expect(response.body.replace_original).toBe(false);
    expect(String(response.body.text)).toContain("C$115,000");
    const content = blockText(response.body.blocks);
    expect(content).toContain("C$75,000 to C$139,000");
    expect(content).toMatch(/Glassdoor/);
    const share = buttonsIn(response.body.blocks).find((b) => b.action_id.startsWith(SHARE_ACTION));
    expect(share?.label).toBe("Share in channel");
    expect(JSON.parse(share!.value)).toEqual({ q: "salary in canada", t: "salary in canada" });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0); // nothing public
  });

  it("shows help when the text is empty", async () => {
    const { response } = await command("");
    expect(String(response.body.text)).toMatch(/what i can do/i);
    expect(response.body.response_type).toBe("ephemeral");
  });

  it("passes help and topics to the engine; topics come as buttons", async () => {
    const help = await command("help");
    expect(blockText(help.response.body.blocks)).toMatch(/topics/i);
    const topics = await command("topics");
    const asks = buttonsIn(topics.response.body.blocks).filter((b) => b.action_id.startsWith(`${ACTIONS.ask}#`));
    expect(asks.map((b) => b.value)).toEqual(expect.arrayContaining(["salary", "kpis", "experience"]));
    const ids = asks.map((b) => b.action_id);
    expect(new Set(ids).size).toBe(ids.length); // unique action_ids in a message
  });

  it("Share in channel posts the same answer publicly, attributed to the asker, and removes the private copy", async () => {
    // As Slack sends it: typed "<" ">" "&" escaped, mentions as markup.
    const question = "salary uk &lt;!channel&gt; <!here> <@U999|bob> <!subteam^S1|@team> &amp; co";
    const { response } = await command(question);
    const share = buttonsIn(response.body.blocks).find((b) => b.action_id.startsWith(SHARE_ACTION))!;
    const clickUrl = fake.responseUrl("share1");
    const res = await postSlack(
      server,
      clickBody({
        actionId: share.action_id,
        value: share.value,
        label: share.label,
        ephemeral: true,
        responseUrl: clickUrl,
      }),
      { contentType: FORM },
    );
    expect(res.status).toBe(200);
    const posts = await fake.waitFor(() => {
      const list = fake.responses.filter((r) => r.id === "share1");
      return list.length >= 2 ? list : undefined;
    });
    const [shared, removed] = posts;
    expect(shared!.body.response_type).toBe("in_channel");
    expect(shared!.body.replace_original).toBe(false);
    const blocks = shared!.body.blocks as { type: string; elements?: { text: string }[] }[];
    expect(blocks[0]!.type).toBe("context");
    expect(blocks[0]!.elements![0]!.text).toBe("<@U100> asked: salary uk &lt;!channel&gt; @\u2060here @team &amp; co");
    expect(blockText(blocks)).toContain("£70,000");
    // The private answer's content and the shared one agree.
    expect(blockText(blocks)).toContain(
      blockText(response.body.blocks)
        .split("\n")
        .find((l) => l.includes("£70,000")),
    );
    expect(buttonsIn(blocks).some((b) => b.action_id.startsWith(SHARE_ACTION))).toBe(false);
    expect(String(shared!.body.text)).toContain("&lt;!channel&gt;");
    expect(JSON.stringify(shared!.body)).not.toMatch(/<!(channel|here|everyone|subteam)|<@U999/);
    expect(removed!.body).toEqual({ delete_original: true });
  });
});

describe("/careerfaq stats", () => {
  it("shows the bot's KPIs to ADMIN_USER_IDS only, privately", async () => {
    const id = "stats-admin";
    await postSlack(server, commandBody("stats", { user_id: "UADMIN", response_url: fake.responseUrl(id) }), {
      contentType: FORM,
    });
    const admin = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    expect(admin.body.response_type).toBe("ephemeral");
    expect(String(admin.body.text)).toMatch(/careerfaq's own KPIs/);
    const other = await command("stats");
    expect(String(other.response.body.text)).toMatch(/Only the bot's admins/);
  });
});

describe("/careerfaq assess (the engine's to: dm)", () => {
  it("points privately to the DM, starts the quiz there, and a button click in the DM goes on", async () => {
    const { response } = await command("assess");
    expect(response.body.response_type).toBe("ephemeral");
    const first = await fake.waitFor(() => fake.callsTo("chat.postMessage").find((c) => c.params.channel === "D100"));
    expect(fake.callsTo("conversations.open")[0]!.params.users).toBe("U100");
    expect(fake.callsTo("chat.postMessage").filter((c) => c.params.channel === "C100")).toHaveLength(0); // nothing public
    const choice = buttonsIn(first.params.blocks).find(
      (b) => b.action_id.startsWith(`${ACTIONS.quiz}#`) || b.action_id.startsWith(`${ACTIONS.quizControl}#`),
    )!;
    expect(choice).toBeDefined();
    fake.reset();
    await postSlack(
      server,
      clickBody({
        actionId: choice.action_id,
        value: choice.value,
        label: choice.label,
        channel: "D100",
        messageTs: "1700000000.000500",
        responseUrl: fake.responseUrl("quiz"),
      }),
      { contentType: FORM },
    );
    const next = await fake.waitFor(() => fake.callsTo("chat.postMessage").find((c) => c.params.channel === "D100"));
    expect(next.params.thread_ts).toBeUndefined();
    expect(blockText(next.params.blocks)).toMatch(/Question \d+ of \d+/);
  });
});
