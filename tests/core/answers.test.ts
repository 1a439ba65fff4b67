/** Answers through the real engine and content: the facts, the sources, side by side where sources disagree. */
import { describe, expect, it } from "vitest";
import { parseAskValue } from "../../src/core/engine.ts";
import { renderText } from "../../src/core/render-text.ts";
import { ACTIONS, type Reply } from "../../src/core/types.ts";
import { ask, testCatalog, testEngine } from "../helpers/engine.ts";

const sourcesOf = (reply: Reply) =>
  reply.blocks.flatMap((b) => (b.type === "sources" ? b.sources.map((s) => s.id) : []));
const buttonsOf = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons : []));

describe("every intent", () => {
  const engine = testEngine();
  const meta = new Set(["greeting", "thanks", "help", "topics", "assess"]);
  it.each(testCatalog().intents.map((i) => i.id))("%s composes an answer with sources and follow-ups", (id) => {
    const reply = engine.compose(id, {});
    expect(reply.outcome).toBe("answer");
    expect(reply.blocks.length).toBeGreaterThan(0);
    const text = renderText(reply);
    expect(text.length).toBeGreaterThan(20);
    if (!meta.has(id)) expect(sourcesOf(reply).length).toBeGreaterThan(0);
    const buttons = buttonsOf(reply);
    expect(buttons.length).toBeGreaterThanOrEqual(id === "thanks" ? 2 : 1);
    for (const b of buttons) {
      expect(b.label.length).toBeLessThanOrEqual(75);
      expect(parseAskValue(b.value)).not.toBeNull();
    }
  });

  it("every follow-up and menu button asks a real intent", () => {
    const all = testCatalog().intents.flatMap((i) => buttonsOf(engine.compose(i.id, {})));
    for (const b of all) {
      expect(b.action).toBe(ACTIONS.ask);
      expect(testCatalog().intentById.has(parseAskValue(b.value)!.intent)).toBe(true);
    }
  });
});

describe("salary", () => {
  it("shows every US average side by side with its source", () => {
    const { outcome, text } = ask("what does a customer care director earn?");
    expect(outcome).toBe("answer");
    for (const figure of [
      "$121,000",
      "$125,654",
      "about $124,000",
      "about $104,000",
      "$96,000 to $154,000",
      "$89,000 to $176,000",
      "$83,000 to $180,000",
      "up to $158,000",
    ]) {
      expect(text).toContain(figure);
    }
    expect(text).toMatch(/disagree/);
    expect(text).toContain("Indeed");
  });

  it("UK: both figures with both sources", () => {
    const { text } = ask("salary in the uk");
    expect(text).toContain("£70,000 average");
    expect(text).toContain("£45,000 to £100,000");
    expect(text).toContain("Totaljobs");
    expect(text).not.toContain("$121,000");
  });

  it("Canada: both figures in Canadian dollars", () => {
    const { text } = ask("how much in canada");
    expect(text).toContain("C$115,000 average");
    expect(text).toContain("C$75,000 to C$139,000");
    expect(text).toContain("Glassdoor");
  });

  it("a level gives the Cityjobs figure and the ladder", () => {
    const { text } = ask("entry level salary");
    expect(text).toMatch(/Entry level \(0-2 years of experience\): Cityjobs gives an average of \$78,000/);
    expect(text).toContain("$130,000");
  });

  it("years of experience pick the band", () => {
    expect(ask("salary with 4 years experience").text).toMatch(/mid level band \(3-5 years\).*\$93,600/);
  });

  it("hourly pay is Zippia's, and said to be the only one", () => {
    const { text } = ask("hourly rate?");
    expect(text).toContain("$60.41 an hour");
    expect(text).toMatch(/only source with an hourly figure/);
  });

  it("a country without data is declined with what exists, never another country's figure", () => {
    const { outcome, text } = ask("salary in germany");
    expect(outcome).toBe("decline");
    expect(text).toMatch(/Germany/);
    expect(text).not.toMatch(/\$|£/);
    const reply = testEngine().ask("salary in germany").reply;
    expect(buttonsOf(reply).map((b) => b.value)).toEqual(
      expect.arrayContaining(["salary?country=US", "salary?country=UK", "salary?country=CA"]),
    );
  });

  it("names a missing country next to the ones it has", () => {
    const { outcome, text } = ask("salary uk vs germany");
    expect(outcome).toBe("answer");
    expect(text).toContain("£70,000");
    expect(text).toMatch(/No source gives pay for Germany/);
  });
});

describe("disagreements are shown, not resolved", () => {
  it("growth: 2% for 2019-2029 and 6% by 2028, with what each applies to", () => {
    const { text } = ask("job outlook");
    expect(text).toMatch(/2% \(2019-2029\) for employment in the customer service industry/);
    expect(text).toMatch(/2% \(2019-2029\) for employment of customer service representatives/);
    expect(text).toMatch(/6% \(by 2028\) for the director of customer care role/);
  });

  it("experience: several years, 4-6 years, at least five years", () => {
    const { text } = ask("how much experience do i need");
    expect(text).toContain("several years");
    expect(text).toContain("4-6 years");
    expect(text).toContain("at least five years");
  });

  it("master's: preferred by one source, not necessary by another", () => {
    const { text } = ask("do i need a masters");
    expect(text).toMatch(/Cityjobs: preferred/);
    expect(text).toMatch(/Zippia \(2025\): not necessary/);
    expect(text).toContain("15.4%");
  });
});

describe("other answers", () => {
  it.each([
    ["skills on resumes", ["CRM: 9.62%", "Project Management: 7.51%", "Customer Care Operations: 4.53%"]],
    ["most common degrees", ["Bachelor's: 70.2%", "Master's: 15.4%", "Associate: 10.9%"]],
    ["is it stressful", ["8.0 out of 10 (high)", "US average 7.1"]],
    ["work life balance", ["6.2 out of 10 (fair)"]],
    ["gender split", ["42.19%", "57.81%", "average age is 48"]],
    ["kpis", ["Repeat-contact rate", "cost-to-serve", "Handle time alone"]],
    ["on the job training", ["6-12 months"]],
    ["manager vs director", ["Queue management", "Operating-model design"]],
    ["where do you get your information", ["Zippia", "Cityjobs", "19 September 2023", "8 January 2025"]],
    ["job search tips", ["job boards", "scams"]],
  ])("%s", (question, facts) => {
    const { outcome, text } = ask(question);
    expect(outcome).toBe("answer");
    for (const f of facts) expect(text).toContain(f);
  });

  it("a non-country topic asked about another country says the sources are general", () => {
    expect(ask("skills needed in france").text).toMatch(/do not look at France in particular/);
  });
});

describe("buttons", () => {
  const engine = testEngine();
  const click = async (value: string) =>
    (
      await engine.handle({
        channel: "cli",
        conversation: "cli:t",
        user: "cli:t",
        direct: true,
        action: { id: ACTIONS.ask, value },
      })
    )[0]!.reply;

  it("a follow-up button answers its intent with its slots", async () => {
    const reply = await click("salary?country=UK");
    expect(reply).toMatchObject({ outcome: "answer", intent: "salary" });
    expect(renderText(reply)).toContain("£70,000");
  });

  it.each(["no-such-intent", "salary?country=<script>", "", "x".repeat(5000), "../../etc/passwd"])(
    "a stale or forged value is refused: %s",
    async (value) => {
      const reply = await click(value);
      if (reply.intent === "salary") expect(renderText(reply)).not.toContain("<script>");
      else expect(reply).toMatchObject({ outcome: "decline", intent: "stale-action" });
    },
  );

  it("an unknown action id is refused", async () => {
    const [out] = await engine.handle({
      channel: "cli",
      conversation: "c",
      user: "u",
      direct: true,
      action: { id: "something.else", value: "salary" },
    });
    expect(out!.reply.intent).toBe("stale-action");
  });
});

describe("plain-text renderer", () => {
  it("numbers facts by source when there are several, and not when there is one", () => {
    expect(ask("salary uk").text).toMatch(/£70,000 average \[1\][\s\S]*Sources:\n\[1\]/);
    const single = ask("on the job training").text;
    expect(single).not.toMatch(/\[1\]/);
    expect(single).toMatch(/^Source: Zippia/m);
  });
});
