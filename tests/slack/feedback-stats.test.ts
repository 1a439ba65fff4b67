/**
 * The learning loop through Slack: 👍/👎 and a 👎 reason are stored (one vote per person per answer,
 * a changed vote replaces the old one) and counted in the bot's KPIs; /careerfaq stats (and stats 7d)
 * shows them privately to ADMIN_USER_IDS only — and so do a DM and a mention, because Inbound.admin
 * is set from ADMIN_USER_IDS wherever a message comes from.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import {
  blockText,
  buttonsIn,
  clickBody,
  commandBody,
  eventBody,
  FORM,
  mention,
  postSlack,
  startSlackServer,
} from "../helpers/slack.ts";
import { type ApiCall, FakeSlack } from "../helpers/slack-fake.ts";
import { clickOn, postsTo, sayInDm, waitForPost } from "../helpers/slack-flow.ts";

let fake: FakeSlack;
let server: RunningServer;

beforeAll(async () => {
  fake = await FakeSlack.start();
  server = await startSlackServer(fake); // ADMIN_USER_IDS=UADMIN
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());

/** Clicks a button on `on` as `user` and returns what came back through the click's response_url. */
async function clickAs(on: ApiCall, label: RegExp, user: string): Promise<Record<string, unknown>> {
  const id = await clickOn(server, fake, on, label, user);
  return (await fake.waitFor(() => fake.responses.find((r) => r.id === id))).body;
}

async function command(text: string, user: string): Promise<Record<string, unknown>> {
  const id = `cmd${Math.random().toString(36).slice(2, 8)}`;
  await postSlack(server, commandBody(text, { user_id: user, response_url: fake.responseUrl(id) }), {
    contentType: FORM,
  });
  return (await fake.waitFor(() => fake.responses.find((r) => r.id === id))).body;
}

describe("feedback", () => {
  it("stores 👍, 👎 and the reason after 👎, and a changed vote replaces the old one", async () => {
    await postSlack(server, eventBody(mention("what is the salary in the uk?")));
    const answer = await fake.waitFor(() => fake.callsTo("chat.postMessage")[0]);
    const intent = buttonsIn(answer.params.blocks)
      .find((b) => b.value.startsWith("up:"))!
      .value.slice(3)
      .split(/[?~]/)[0]!;
    expect(intent).toBe("salary");

    expect(String((await clickAs(answer, /👍/, "U100")).text)).toContain("👍");
    const down = await clickAs(answer, /👎/, "U200");
    const reasons = buttonsIn(down.blocks).filter((b) => b.action_id.startsWith(`${ACTIONS.feedbackReason}#`));
    expect(reasons.length).toBeGreaterThanOrEqual(4);
    const wrong = reasons.find((b) => b.value.startsWith("wrong:"))!;
    const id = `reason${Date.now()}`;
    await postSlack(
      server,
      clickBody({
        actionId: wrong.action_id,
        value: wrong.value,
        label: wrong.label,
        ephemeral: true,
        user: "U200",
        responseUrl: fake.responseUrl(id),
      }),
      { contentType: FORM },
    );
    const thanks = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    expect(thanks.body.response_type).toBe("ephemeral");
    expect(String(thanks.body.text)).toMatch(/Got it, thank you/);

    let report = await server.engine.report(1);
    expect({ up: report.up, down: report.down, reasons: report.reasons }).toEqual({
      up: 1,
      down: 1,
      reasons: [["wrong", 1]],
    });
    expect(report.votesByIntent).toEqual([[intent, { up: 1, down: 1 }]]);

    // U100 changes their mind; U200 clicks 👎 again: still one vote each.
    await clickAs(answer, /👎/, "U100");
    await clickAs(answer, /👎/, "U200");
    report = await server.engine.report(1);
    expect({ up: report.up, down: report.down }).toEqual({ up: 0, down: 2 });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1); // every acknowledgement was private
  });
});

describe("/careerfaq stats", () => {
  it("shows the report over 7 days to an admin, privately, with the votes", async () => {
    const stats = await command("stats 7d", "UADMIN");
    expect(stats.response_type).toBe("ephemeral");
    const text = blockText(stats.blocks);
    expect(text).toMatch(/careerfaq's own KPIs: \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(7 days\)/);
    expect(text).toMatch(/Helpful \(👍 of all votes\):\* 0% \(0 👍, 2 👎\)/);
    expect(text).toMatch(/Why answers were marked 👎[\s\S]*wrong:\* 1/);
    expect(text).toMatch(/Questions:\* [1-9]/);
    expect(String((await command("stats", "UADMIN")).text)).toMatch(/\(30 days\)/);
  });

  it("refuses everyone else, privately", async () => {
    for (const text of ["stats", "stats 7d"]) {
      const refused = await command(text, "U100");
      expect(refused.response_type).toBe("ephemeral");
      expect(String(refused.text)).toMatch(/Only the bot's admins/);
      expect(blockText(refused.blocks)).not.toMatch(/KPIs/);
    }
  });
});

describe("admins in DMs and mentions", () => {
  it("an admin's DM gets the report in the DM; anyone else's is refused", async () => {
    await sayInDm(server, "stats", "UADMIN");
    const report = await waitForPost(fake, 0, /careerfaq's own KPIs/, "DADMIN");
    expect(report.params.thread_ts).toBeUndefined();
    await sayInDm(server, "stats 7 days", "U100");
    await waitForPost(fake, 0, /Only the bot's admins/, "D100");
    expect(postsTo(fake, "D100").some((c) => /own KPIs/.test(blockText(c.params.blocks)))).toBe(false);
  });

  it("an admin's mention gets the report as an ephemeral message; nothing is posted in the channel", async () => {
    await postSlack(server, eventBody(mention("stats week", { user: "UADMIN" })));
    const admin = await fake.waitFor(() => fake.callsTo("chat.postEphemeral").find((c) => c.params.user === "UADMIN"));
    expect(blockText(admin.params.blocks)).toMatch(/careerfaq's own KPIs[\s\S]*\(7 days\)/);
    await postSlack(server, eventBody(mention("stats", { user: "U100" })));
    const other = await fake.waitFor(() => fake.callsTo("chat.postEphemeral").find((c) => c.params.user === "U100"));
    expect(String(other.params.text)).toMatch(/Only the bot's admins/);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
  });
});
