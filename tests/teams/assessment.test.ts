/**
 * The self-assessment end to end through Teams: Activities posted to /api/messages (typed answers and
 * card submits carrying the quiz buttons' data), cards captured by the fake Bot Connector, the
 * session kept in SQLite across a server restart.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server.ts";
import {
  cardSubmit,
  channelConversation,
  channelMention,
  type FakeConnector,
  postActivity,
  startFakeConnector,
  startTeamsBot,
  USER,
} from "../helpers/teams.ts";
import { answerButton, answerButtons, chat, type Said, said } from "../helpers/teamsChat.ts";

const dir = mkdtempSync(join(tmpdir(), "careerfaq-teams-quiz-"));
const env = { STORE: "sqlite", DATABASE_PATH: join(dir, "careerfaq.db") };
const user = `teams:${USER.aadObjectId}`;
const sessionKey = `user:${user}:quiz`;
let connector: FakeConnector;
let bot: RunningServer;

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startTeamsBot(env);
});
afterAll(async () => {
  await bot.close();
  await connector.close();
  rmSync(dir, { recursive: true, force: true });
});

const session = async () =>
  JSON.parse((await bot.store.get(sessionKey))!) as { step: number; answers: Record<string, string> };

describe("the self-assessment in a Teams personal chat", () => {
  it("runs by card submits and typed answers, survives a restart on the same SQLite file, and posts the result", async () => {
    const me = chat(() => bot.url, connector);

    const first = await me.say("assess");
    expect(first.calls).toHaveLength(1);
    expect(first.calls[0]!.path).toBe(
      `/v3/conversations/${encodeURIComponent(me.conversation.id)}/activities/${first.calls[0]!.body.replyToId}`,
    );
    expect(first.text).toContain("Readiness self-assessment");
    expect(first.text).toContain("Question 1 of 11");
    expect(answerButtons(first)).toHaveLength(4);

    // A card submit: the message's value is the button's data.
    const q2 = await me.click(answerButton(first, "service-years", "y5-9"));
    expect(q2.text).toContain("Question 2 of 11");
    // Typed answers: in words, "back", a number.
    expect((await me.say("about 5 years")).text).toContain("Question 3 of 11");
    expect((await session()).answers["lead-years"]).toBe("y4-5");
    const back = await me.say("back");
    expect(back.text).toContain("Going back one question.");
    expect(back.text).toContain("Question 2 of 11");
    const q3 = await me.say("2");
    expect(q3.text).toContain("Question 3 of 11");
    expect((await session()).answers).toEqual({ "service-years": "y5-9", "lead-years": "lt2" });

    // A button from an earlier question is refused and changes nothing.
    const before = await bot.store.get(sessionKey);
    const stale = await me.click(answerButton(first, "service-years", "y10"));
    expect(stale.text).toContain("That question has already been answered; nothing was changed.");
    expect(stale.text).toContain("Question 3 of 11");
    expect(await bot.store.get(sessionKey)).toBe(before);

    // A question mid-quiz is answered, then the quiz resumes at its place.
    const asked = await me.say("what KPIs matter?");
    expect(asked.calls).toHaveLength(2);
    expect(said([asked.calls[0]!]).text).toMatch(/satisfaction/i);
    expect(said([asked.calls[1]!]).text).toContain("Back to the self-assessment:");
    expect(said([asked.calls[1]!]).text).toContain("Question 3 of 11");
    expect((await session()).step).toBe(2);
    // A clear question that names an answer ("MBA") is answered, not recorded as the answer.
    const mba = await me.say("do I need an MBA?");
    expect(mba.calls).toHaveLength(2);
    expect(said([mba.calls[0]!]).text).toMatch(/master/i);
    expect(said([mba.calls[1]!]).text).toContain("Back to the self-assessment:");
    expect(said([mba.calls[1]!]).text).toContain("Question 3 of 11");
    expect((await session()).answers.degree).toBeUndefined();

    // Two submits for the same question at once: one answer is recorded, the other is refused.
    const both = await Promise.all([
      me.click(answerButton(q3, "degree", "related")),
      me.click(answerButton(q3, "degree", "masters")),
    ]);
    const s = await session();
    expect(s.step).toBe(3);
    expect(["related", "masters"]).toContain(s.answers.degree);
    expect(both.filter((b) => b.text.includes("already been answered"))).toHaveLength(1);
    const winner = both.find((b) => !b.text.includes("already been answered"))!;
    expect(winner.text).toContain("Question 4 of 11");

    // A free-text answer is recorded and echoed.
    const q5 = await me.say("I use Zendesk as an agent and build some reports");
    expect(q5.calls).toHaveLength(1);
    expect(q5.text).toMatch(/^Recorded: I build reports or views in it\.[\s\S]*Question 5 of 11/);
    expect(q5.text).toContain("Tap an answer or type it");
    expect((await session()).answers.crm).toBe("reports");

    // Stop halfway: a new server on the same database file.
    await bot.close();
    bot = await startTeamsBot(env);
    expect((await session()).step).toBe(4);

    // A button posted before the restart still answers its question.
    const q6 = await me.click(answerButtons(q5).at(-1)!);
    expect(q6.text).toContain("Question 6 of 11");
    const q7 = await me.say("skip");
    expect(q7.text).toContain("Skipped.");
    expect(q7.text).toContain("Question 7 of 11");
    let current: Said = q7;
    for (let n = 8; n <= 11; n++) {
      current = await me.click(answerButtons(current).at(-1)!);
      expect(current.text).toContain(`Question ${n} of 11`);
    }
    const result = await me.click(answerButtons(current).at(-1)!);

    const [record] = (await bot.store.list(`user:${user}:results`)).map(
      (r) => JSON.parse(r) as { score: number; band: string },
    );
    expect(record).toBeDefined();
    const band = { ready: "Ready now", soon: "One to two years away", foundations: "Building foundations" }[
      record!.band
    ];
    expect(result.calls).toHaveLength(1);
    expect(result.text).toContain(`Your readiness: ${record!.score}/100 · ${band}`);
    expect(result.text).toContain("By area");
    expect(result.text).toMatch(/Your (\d )?biggest gaps?/);
    expect(result.text).toMatch(/Next step: /);
    expect(result.text).toMatch(/Sources?\n/);
    expect(result.submits.map((d) => d.careerfaq.value.split(".")[0])).toEqual(
      expect.arrayContaining(["start", "history"]),
    );
    expect(await bot.store.get(sessionKey)).toMatch(/^ended:/);

    const history = await me.say("history");
    expect(history.text).toContain("Your self-assessment results");
    expect(history.text).toContain(`${record!.score}/100 · ${band}`);

    // The quiz counters were kept across the restart too.
    const report = await bot.engine.report(1);
    expect(report).toMatchObject({ quizStarted: 1, quizCompleted: 1 });
  });

  it("in a channel: neither the quiz nor the results are shown there, only a pointer to the personal chat", async () => {
    for (const [typed, command] of [
      ["assess", "assess"],
      ["history", "history"],
    ] as const) {
      connector.reset();
      const activity = channelMention(connector.url, typed, channelConversation());
      expect((await postActivity(bot.url, activity)).status).toBe(200);
      expect(connector.calls).toHaveLength(1);
      expect(connector.calls[0]!.body.replyToId).toBe(activity.id);
      expect(connector.calls[0]!.body.attachments ?? []).toHaveLength(0);
      expect(connector.calls[0]!.body.text).toContain(`type **${command}** there`);
      expect(JSON.stringify(connector.calls[0]!.body)).not.toMatch(/\/100|Question \d/);
    }
  });

  it("a quiz card clicked outside the personal chat (a forwarded card) shows nothing of the quiz there", async () => {
    const me = chat(() => bot.url, connector);
    const started = await me.say("assess");
    connector.reset();
    const activity = cardSubmit(connector.url, answerButtons(started)[0], channelConversation());
    expect((await postActivity(bot.url, activity)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.body.text).toContain("type **assess** there");
    expect(JSON.stringify(connector.calls)).not.toMatch(/Question \d|careerfaq\.quiz/);
  });
});
