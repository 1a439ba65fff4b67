/**
 * The self-assessment end to end through Slack, on the SQLite store: /careerfaq assess in a channel
 * points privately to the DM, where the questions come; answers by button and by typing, back, skip,
 * a question asked mid-quiz, a stale click, two concurrent clicks on one question; the server is
 * stopped halfway and a new one on the same database file finishes it; then /careerfaq history
 * and the App Home show the result.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SKIPPED, scoreAnswers } from "../../src/core/assessment/scoring.ts";
import type { RunningServer } from "../../src/server.ts";
import { testCatalog } from "../helpers/engine.ts";
import { blockText, commandBody, eventBody, FORM, postSlack, startSlackServer } from "../helpers/slack.ts";
import { type ApiCall, FakeSlack } from "../helpers/slack-fake.ts";
import { clickOn, DM, mark, postsTo, sayInDm, waitForPost } from "../helpers/slack-flow.ts";

const dir = mkdtempSync(join(tmpdir(), "careerfaq-slack-quiz-"));
const env = { STORE: "sqlite", DATABASE_PATH: join(dir, "careerfaq.db") };
let fake: FakeSlack;
let server: RunningServer;
/** The question on screen: the last one the bot posted in the DM. */
let current: ApiCall;

beforeAll(async () => {
  fake = await FakeSlack.start();
  server = await startSlackServer(fake, env);
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

const question = (n: number) => new RegExp(`Question ${n} of 11\\b`);

/** Types `text` in the DM and waits for the post matching `expect`. */
async function type(text: string, expected: RegExp): Promise<ApiCall> {
  const from = mark(fake);
  await sayInDm(server, text);
  current = await waitForPost(fake, from, expected);
  return current;
}

/** Clicks the answer labelled `label` on the current question and waits for the post matching `expect`. */
async function click(label: RegExp, expected: RegExp): Promise<ApiCall> {
  const from = mark(fake);
  await clickOn(server, fake, current, label);
  current = await waitForPost(fake, from, expected);
  return current;
}

async function command(text: string): Promise<Record<string, unknown>> {
  const id = `cmd${Math.random().toString(36).slice(2, 8)}`;
  await postSlack(server, commandBody(text, { response_url: fake.responseUrl(id) }), { contentType: FORM });
  return (await fake.waitFor(() => fake.responses.find((r) => r.id === id))).body;
}

describe("the self-assessment in Slack", () => {
  it("/careerfaq assess in a channel: a private pointer there, the first question in the DM", async () => {
    const from = mark(fake);
    const pointer = await command("assess");
    expect(pointer.response_type).toBe("ephemeral");
    expect(String(pointer.text)).toMatch(/direct message/);
    current = await waitForPost(fake, from, question(1));
    expect(fake.callsTo("conversations.open").at(-1)!.params.users).toBe("U100");
    expect(blockText(current.params.blocks)).toMatch(
      /Readiness self-assessment[\s\S]*How many years have you worked in customer service/,
    );
    expect(fake.callsTo("chat.postMessage").filter((c) => c.params.channel === "C100")).toHaveLength(0); // nothing public
  });

  it("takes answers by button and by typing, with back", async () => {
    await click(/^2\. 2 to 4 years/, question(2));
    await type("about 5 years", question(3));
    const back = await type("back", question(2));
    expect(blockText(back.params.blocks)).toContain(
      "Going back one question. You answered: 4 to 5 years. Pick again or type a new answer.",
    );
    // The answer given before going back is still marked.
    expect(back.params.blocks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: "actions",
          elements: expect.arrayContaining([
            expect.objectContaining({ style: "primary", text: expect.objectContaining({ text: "4. 4 to 5 years" }) }),
          ]),
        }),
      ]),
    );
    await type("2", question(3));
  });

  it("answers a question asked mid-quiz, then resumes at the same question", async () => {
    const from = mark(fake);
    await sayInDm(server, "what KPIs matter?");
    const resumed = await waitForPost(fake, from, /Back to the self-assessment:[\s\S]*Question 3 of 11/);
    const answer = postsTo(fake, DM, from)[0]!;
    expect(blockText(answer.params.blocks)).toMatch(/customer satisfaction/i);
    current = resumed;
  });

  it('a "wait, …" question that names an answer is answered too, not recorded', async () => {
    const from = mark(fake);
    await sayInDm(server, "wait, do I need an MBA?");
    current = await waitForPost(fake, from, /Back to the self-assessment:[\s\S]*Question 3 of 11/);
    const answer = postsTo(fake, DM, from)[0]!;
    expect(blockText(answer.params.blocks)).toMatch(/master/i);
    expect(blockText(answer.params.blocks)).not.toMatch(/Recorded:/);
  });

  it("refuses a click on an earlier question privately, and changes nothing", async () => {
    const q1 = postsTo(fake, DM).find((c) => question(1).test(blockText(c.params.blocks)))!;
    const from = mark(fake);
    const id = await clickOn(server, fake, q1, /^3\. 5 to 9 years/);
    const refusal = await fake.waitFor(() => fake.responses.find((r) => r.id === id));
    expect(refusal.body.response_type).toBe("ephemeral");
    expect(String(refusal.body.text)).toMatch(/already been answered; nothing was changed/);
    current = await waitForPost(fake, from, question(3)); // still where it was
  });

  it("records one answer when the same question is clicked twice at once", async () => {
    const from = mark(fake);
    const responses = fake.responses.length;
    const ids = await Promise.all([
      clickOn(server, fake, current, /^5\. Master's/),
      clickOn(server, fake, current, /^5\. Master's/),
    ]);
    const refusal = await fake.waitFor(() => fake.responses.slice(responses).find((r) => ids.includes(r.id)));
    expect(String(refusal.body.text)).toMatch(/already been answered/);
    current = await waitForPost(fake, from, question(4));
    await fake.waitFor(() => postsTo(fake, DM, from).length >= 2); // the refused click shows the current question again
    expect(postsTo(fake, DM, from).map((c) => blockText(c.params.blocks).match(/Question (\d+) of 11/)?.[1])).toEqual([
      "4",
      "4",
    ]);
    expect(fake.responses.slice(responses).filter((r) => ids.includes(r.id))).toHaveLength(1);
    // Had both been recorded, the next answer would lead to question 6.
  });

  it("records a free-text answer in the DM and echoes it", async () => {
    const recorded = await type("I use Zendesk as an agent and build some reports", question(5));
    expect(blockText(recorded.params.blocks)).toMatch(/^Recorded: I build reports or views in it\./);
    expect(String(recorded.params.text)).toContain("Recorded: I build reports or views in it.");
  });

  it("answers free text that fits no answer with a short hint, never a topic page", async () => {
    const hint = await type("it depends on the week", /couldn't match that/);
    expect(blockText(hint.params.blocks)).toMatch(/How do you work with KPIs and reporting today\?/);
    expect(blockText(hint.params.blocks)).not.toMatch(/Skills|Sources/);
  });

  it("survives a restart: a new server on the same SQLite file carries on where the user stopped", async () => {
    await server.close();
    server = await startSlackServer(fake, env);
    const resumed = await type("assess", question(5));
    expect(blockText(resumed.params.blocks)).toContain("Picking up where you left off.");
    await click(/^3\. I analyse and report/, question(6));
    const skipped = await type("skip", question(7));
    expect(blockText(skipped.params.blocks)).toContain("Skipped.");
    await type("2", question(8));
    await click(/^3\. I coach a team regularly/, question(9));
    await type("on shared projects", question(10));
    await click(/^2\. I resolve escalated complaints/, question(11));
  });

  it("posts the result in the DM: score out of 100, band, gaps with next steps, sources", async () => {
    const result = await type("1", /Your readiness: /);
    const expected = scoreAnswers(testCatalog().assessment, {
      "service-years": "y2-4",
      "lead-years": "lt2",
      degree: "masters",
      crm: "reports",
      kpis: "report",
      budget: SKIPPED,
      vendors: "contact",
      coaching: "regular",
      cross: "projects",
      escalation: "resolve",
      strategy: "no",
    });
    const text = blockText(result.params.blocks);
    expect(text).toContain(`Your readiness: ${expected.score}/100 · ${expected.band.label}`);
    expect(text).toMatch(/By area/);
    expect(expected.gaps.length).toBeGreaterThan(0);
    for (const gap of expected.gaps)
      expect(text).toContain(
        `${testCatalog().assessment.dimensions.find((d) => d.id === gap.id)!.label} (${gap.score}%)`,
      );
    expect(text).toMatch(/Next step: /);
    expect(result.params.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ type: "context" })])); // sources
    expect(text).toMatch(/\[1\] |Source: /);
    expect(String(result.params.text)).toContain(`${expected.score}/100`);
    expect(result.params.thread_ts).toBeUndefined();

    const history = await command("history");
    expect(history.response_type).toBe("ephemeral");
    expect(blockText(history.blocks)).toMatch(
      new RegExp(`Your self-assessment results[\\s\\S]*${expected.score}/100 · ${expected.band.label}`),
    );

    await postSlack(
      server,
      eventBody({ type: "app_home_opened", user: "U100", channel: DM, tab: "home", ts: "1700000000.000009" }),
    );
    const home = await fake.waitFor(() => fake.callsTo("views.publish").at(-1));
    expect(blockText((home.params.view as { blocks: unknown[] }).blocks)).toMatch(
      new RegExp(`Your last self-assessment[\\s\\S]*${expected.score}/100 · ${expected.band.label}`),
    );
  });
});
