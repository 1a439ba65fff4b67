/**
 * Parity: the same 30 questions through the terminal (`careerfaq ask --json`, a real child process),
 * Slack (signed app_mention events) and Teams (Activities with a mention) give the same content —
 * the same answer (the feedback buttons carry its identity), the same figures and the same sources —
 * differing only in format.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/server.ts";
import { removeTempDirs, runCli } from "./helpers/cli.ts";
import { testCatalog } from "./helpers/engine.ts";
import { eventBody, mention, postSlack, startSlackServer } from "./helpers/slack.ts";
import { FakeSlack } from "./helpers/slack-fake.ts";
import {
  cardOf,
  channelMention,
  type FakeConnector,
  postActivity,
  startFakeConnector,
  submitsOf,
  textsOf,
} from "./helpers/teams.ts";

const QUESTIONS = [
  "what does a customer care director earn in the UK?",
  "salary in canada",
  "how much do cx directors make",
  "entry level pay",
  "hourly rate?",
  "salary in germany",
  "what makes pay vary",
  "how many years of experience do i need",
  "do i need a masters",
  "what degree do i need",
  "most common degrees",
  "which skills matter",
  "kpis?",
  "what are the trade-offs",
  "common mistakes",
  "manager vs director",
  "what's the job outlook",
  "what comes after director",
  "is it a good career",
  "how stressful is it",
  "gender split",
  "how do i become one",
  "job search tips",
  "on the job training",
  "how to improve customer satisfaction",
  "what does a ccd do day to day",
  "what is a customer care director",
  "where does your data come from",
  "how much does a nurse make",
  "what's the weather in paris",
];

/** What must match across channels: the answer's identity, its figures, the sources it names. */
interface Content {
  answer: string | null;
  figures: string[];
  sources: string[];
}

const FIGURE = /(?:C\$|\$|£)\d[\d,]*(?:\.\d+)?|\d+(?:\.\d+)?%|\b\d+-\d+ (?:years|months)\b/g;
const SOURCES = [...testCatalog().sources.values()];

/** Content as a chat platform shows it: the intent from the 👍 button's value, figures and source names from the text. */
function content(text: string, feedbackValue: string | undefined): Content {
  return {
    answer: feedbackValue ? feedbackValue.replace(/^(up|down):/, "").split(/[?~]/)[0]! : null,
    figures: [...new Set(text.match(FIGURE) ?? [])].sort(),
    sources: SOURCES.filter((src) => text.includes(src.short))
      .map((src) => src.id)
      .sort(),
  };
}

const unescapeMrkdwn = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("the same 30 questions through the terminal, Slack and Teams", () => {
  let fake: FakeSlack;
  let connector: FakeConnector;
  let server: RunningServer;
  const terminal: Content[] = [];
  const slack: Content[] = [];
  const teams: Content[] = [];

  beforeAll(async () => {
    fake = await FakeSlack.start();
    connector = await startFakeConnector();
    server = await startSlackServer(fake);

    const r = await runCli(["ask", "--json"], { input: `${QUESTIONS.join("\n")}\n`, timeoutMs: 60_000 });
    for (const line of r.out.trim().split("\n")) {
      const a = JSON.parse(line) as { text: string; answered: boolean; intent: string | null; sources: string[] };
      terminal.push({
        answer: a.answered ? a.intent : null,
        figures: content(a.text, undefined).figures,
        sources: [...a.sources].sort(),
      });
    }

    for (const q of QUESTIONS) {
      const event = mention(q);
      expect((await postSlack(server, eventBody(event))).status).toBe(200);
      const call = await fake.waitFor(() =>
        fake.callsTo("chat.postMessage").find((c) => c.params.thread_ts === event.ts),
      );
      const blocks = typeof call.params.blocks === "string" ? JSON.parse(call.params.blocks) : call.params.blocks;
      const feedback = JSON.stringify(blocks).match(/"value":"(up:[^"]+)"/)?.[1];
      slack.push(
        content(unescapeMrkdwn(`${call.params.text}\n${JSON.stringify(blocks)}`), feedback && unescapeMrkdwn(feedback)),
      );

      const before = connector.calls.length;
      expect((await postActivity(server.url, channelMention(connector.url, q))).status).toBe(200);
      const card = cardOf(connector.calls[before]!);
      const submits = submitsOf(card).map((d: { careerfaq?: { action: string; value: string } }) => d.careerfaq);
      const vote = submits.find((d) => d?.action === "careerfaq.feedback")?.value;
      teams.push(content(`${connector.calls[before]!.body.summary}\n${textsOf(card).join("\n")}`, vote));
    }
  }, 120_000);

  afterAll(async () => {
    removeTempDirs();
    await server?.close();
    await fake?.close();
    await connector?.close();
  });

  it("gives the same answers, figures and sources everywhere", () => {
    expect(terminal).toHaveLength(QUESTIONS.length);
    for (let i = 0; i < QUESTIONS.length; i++) {
      const where = `question ${i + 1}: ${QUESTIONS[i]}`;
      expect(slack[i], where).toEqual(teams[i]);
      expect(terminal[i], where).toEqual(slack[i]);
    }
  });

  it("covers answers with figures, answers without, and declines", () => {
    expect(slack.filter((c) => c.figures.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(slack.filter((c) => c.answer === null).length).toBeGreaterThanOrEqual(3);
    expect(new Set(slack.map((c) => c.answer)).size).toBeGreaterThanOrEqual(20);
  });
});
