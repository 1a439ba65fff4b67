/**
 * Feedback and the bot's own KPIs through Teams: 👍/👎 and 👎 reasons clicked on cards are stored,
 * and "stats" answers only the people TEAMS_ADMIN_IDS lists (by Entra object id or Teams user id).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import {
  channelConversation,
  channelMention,
  type FakeConnector,
  personalConversation,
  postActivity,
  startFakeConnector,
  startTeamsBot,
} from "../helpers/teams.ts";
import { chat, type Said } from "../helpers/teamsChat.ts";

/** An admin listed by Entra object id, another by Teams user id (no aadObjectId in the activity). */
const ADMIN = {
  id: "29:1adminPriyaNairQ7w8e9r0t1y2u3",
  name: "Priya Nair",
  aadObjectId: "6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d",
};
const ADMIN_BY_ID = { id: "29:1adminLeeChenZ1x2c3v4b5n6m7", name: "Lee Chen" };
let connector: FakeConnector;
let bot: RunningServer;

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startTeamsBot({ TEAMS_ADMIN_IDS: `${ADMIN.aadObjectId}, ${ADMIN_BY_ID.id}` });
});
afterEach(() => connector.reset());
afterAll(async () => {
  await bot.close();
  await connector.close();
});

const vote = (s: Said, which: "up" | "down") =>
  s.submits.find((d) => d.careerfaq.action === ACTIONS.feedback && d.careerfaq.value.startsWith(`${which}:`))!;

describe("feedback from Teams cards", () => {
  it("stores 👍, 👎 and a 👎 reason; a changed vote replaces the old one", async () => {
    const dana = chat(() => bot.url, connector);
    const answer = await dana.say("salary uk");
    const down = await dana.click(vote(answer, "down"));
    expect(down.text).toContain("Thanks for the 👎");
    const reasons = down.submits.filter((d) => d.careerfaq.action === ACTIONS.feedbackReason);
    expect(reasons.map((r) => r.careerfaq.value.split(":")[0])).toEqual([
      "wrong",
      "incomplete",
      "outdated",
      "not-asked",
    ]);
    expect((await dana.click(reasons[1])).text).toContain("Got it, thank you.");

    const priya = chat(() => bot.url, connector, personalConversation(), ADMIN);
    await priya.click(vote(await priya.say("kpis?"), "up"));

    let report = await bot.engine.report(1);
    expect(report).toMatchObject({ up: 1, down: 1, reasons: [["incomplete", 1]] });
    expect(Object.fromEntries(report.votesByIntent)).toEqual({ salary: { up: 0, down: 1 }, kpis: { up: 1, down: 0 } });

    expect((await dana.click(vote(answer, "up"))).text).toContain("your vote is updated");
    report = await bot.engine.report(1);
    expect(report).toMatchObject({ up: 2, down: 0 });
  });
});

describe("stats in Teams", () => {
  it("answers an admin listed by Entra object id with the KPIs of the last 30 days", async () => {
    const s = await chat(() => bot.url, connector, personalConversation(), ADMIN).say("stats");
    expect(s.calls).toHaveLength(1);
    expect(s.text).toMatch(/careerfaq's own KPIs: .* \(30 days\)/);
    expect(s.text).toMatch(/Helpful \(👍 of all votes\): \d+% \(\d+ 👍, \d+ 👎\)/);
    expect(s.text).toContain("Answer rate");
  });

  it("answers an admin listed by Teams user id, for the period asked (stats 7d)", async () => {
    const s = await chat(() => bot.url, connector, personalConversation(), ADMIN_BY_ID).say("stats 7d");
    expect(s.text).toMatch(/careerfaq's own KPIs: .* \(7 days\)/);
  });

  it("refuses anyone else", async () => {
    const s = await chat(() => bot.url, connector).say("stats");
    expect(s.calls).toHaveLength(1);
    expect(s.text).toContain("Only the bot's admins can see its statistics");
    expect(s.text).not.toContain("Answer rate");
  });

  it("in a channel, points even an admin to the personal chat instead of posting the KPIs for everyone", async () => {
    const activity = { ...channelMention(connector.url, "stats", channelConversation()), from: { ...ADMIN } };
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.body.text).toContain("type **stats** there");
    expect(JSON.stringify(connector.calls[0]!.body)).not.toContain("Answer rate");
  });
});
