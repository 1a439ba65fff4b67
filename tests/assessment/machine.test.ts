/** The self-assessment state machine, table-driven: every command, invalid input, stale buttons, migration. */
import { describe, expect, it } from "vitest";
import {
  commandOf,
  matchOption,
  migrate,
  newState,
  ownerOf,
  type QuizInput,
  type QuizState,
  transition,
} from "../../src/core/assessment/machine.ts";
import { parseState } from "../../src/core/assessment/stored.ts";
import { testCatalog } from "../helpers/engine.ts";
import { PHRASINGS } from "./phrasings.ts";

const a = testCatalog().assessment;
const USER = "slack:T1:U1";
const OTHER = "slack:T1:U2";
const q = (id: string) => a.questions.find((x) => x.id === id)!;
const at = (step: number, answers: Record<string, string> = {}): QuizState => ({
  ...newState(a, USER, 1000),
  step,
  answers,
});

describe("matchOption", () => {
  // Every row of the phrasings table: numbers, years, degrees, hedged yes/no and free text.
  it.each(PHRASINGS)("%s: %j → %s", (question, text, expected) => {
    const m = matchOption(q(question), text);
    if (expected === "no-match") expect(m).toEqual({ problem: "no-match" });
    else if (expected.startsWith("ambiguous:"))
      expect(m).toEqual({ problem: "ambiguous", between: expected.slice("ambiguous:".length).split("|") });
    else expect(m).toEqual({ option: expected });
  });

  it("the table has free text for every option of every question", () => {
    for (const question of a.questions) {
      for (const option of question.options) {
        const typed = PHRASINGS.filter(
          ([qid, text, expected]) => qid === question.id && expected === option.id && !/^\d+$|^option \d+$/.test(text),
        );
        expect(typed.length, `${question.id}.${option.id}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it.each([
    ["service-years", "0 apples or 99 pears please tell me"],
    ["service-years", "banana"],
    ["degree", ""],
    ["kpis", "7"],
    ["crm", "I like turtles"],
    ["budget", "purple"],
  ])("%s: %j → no match", (question, text) => {
    expect(matchOption(q(question), text)).toEqual({ problem: "no-match" });
  });

  it.each([
    ["crm", "I've never configured it, but I use it daily", "basic"],
    ["crm", "I'd like to lead a rollout one day", "no-match"],
    ["degree", "still studying for a bachelor's in business", "none"],
    ["vendors", "I've never managed a vendor", "no"],
  ])("a negated or wished-for phrase does not count: %s %j → %s", (question, text, expected) => {
    const m = matchOption(q(question), text);
    expect("option" in m ? m.option : m.problem).toBe(expected);
  });

  it("options, labels and ordinals", () => {
    expect(matchOption(q("crm"), "#3")).toEqual({ option: "reports" });
    expect(matchOption(q("crm"), "the last one")).toEqual({ option: "rollout" });
    expect(matchOption(q("crm"), "second option")).toEqual({ option: "basic" });
    expect(matchOption(q("crm"), "I configure or administer it")).toEqual({ option: "admin" });
    expect(matchOption(q("crm"), "admin")).toEqual({ option: "admin" });
  });
});

describe("commands", () => {
  it.each([
    ["back", "back"],
    ["Go back!", "back"],
    ["skip", "skip"],
    ["cancel", "cancel"],
    ["quit", "cancel"],
    ["restart", "restart"],
    ["start over", "restart"],
    ["salary", undefined],
  ])("%j → %s", (text, command) => {
    expect(commandOf(text)).toBe(command);
  });
});

describe("transition", () => {
  const owner = ownerOf(USER);
  const s0 = at(0);
  const s1 = at(1, { "service-years": "y5-9" });
  const budgetStep = a.questions.findIndex((x) => x.id === "budget");
  const sBudget = at(budgetStep);
  const last = at(
    a.questions.length - 1,
    Object.fromEntries(a.questions.slice(0, -1).map((x) => [x.id, x.options[0]!.id])),
  );
  const click = (
    s: QuizState,
    option: string,
    over: Partial<Extract<QuizInput, { kind: "click" }>> = {},
  ): QuizInput => ({
    kind: "click",
    attempt: s.attempt,
    owner,
    question: a.questions[s.step]!.id,
    option,
    ...over,
  });

  type Row = [string, QuizState | null, QuizInput, string, ((t: ReturnType<typeof transition>) => void)?];
  const rows: Row[] = [
    ["start without a session", null, { kind: "start" }, "asked", (t) => expect(t.state!.step).toBe(0)],
    ["start with a session resumes it", s1, { kind: "start" }, "asked", (t) => expect(t.state!.step).toBe(1)],
    [
      "a typed answer moves on",
      s0,
      { kind: "text", text: "2" },
      "answered-then-asked",
      (t) => expect(t.state).toMatchObject({ step: 1, answers: { "service-years": "y2-4" } }),
    ],
    [
      "a click moves on",
      s0,
      click(s0, "y10"),
      "answered-then-asked",
      (t) => expect(t.state!.answers["service-years"]).toBe("y10"),
    ],
    ["a click from another user is refused", s0, click(s0, "y10", { owner: ownerOf(OTHER) }), "stale"],
    ["a click from an earlier attempt is refused", s0, click(s0, "y10", { attempt: "old" }), "stale"],
    ["a click on an answered question is refused", s1, click(s0, "y10", { attempt: s1.attempt }), "stale"],
    ["a click with an unknown option is refused", s0, click(s0, "zzz"), "stale"],
    ["a click without a session is refused", null, click(s0, "y10"), "stale"],
    ["text that fits no option re-asks with a hint", s0, { kind: "text", text: "purple" }, "hint"],
    [
      "a clear question mid-quiz goes to the FAQ",
      s0,
      { kind: "text", text: "what KPIs matter?", aside: "clear" },
      "not-an-answer",
    ],
    ["a question the FAQ is not sure of gets a hint", s0, { kind: "text", text: "what KPIs matter?" }, "hint"],
    [
      "a clear question that names an option still goes to the FAQ",
      at(2),
      { kind: "text", text: "do I need an MBA?", aside: "clear" },
      "not-an-answer",
    ],
    [
      "an answer with a question mark is an answer",
      s0,
      { kind: "text", text: "about 5 years?", aside: "clear" },
      "answered-then-asked",
      (t) => expect(t.state!.answers["service-years"]).toBe("y5-9"),
    ],
    ["wait, … goes to the FAQ", s0, { kind: "text", text: "wait, 5 years?", aside: "explicit" }, "not-an-answer"],
    [
      "free text is an answer, echoed with what was recorded",
      at(3),
      { kind: "text", text: "I use Zendesk as an agent and build some reports" },
      "answered-then-asked",
      (t) => expect(t.event).toEqual({ kind: "answered-then-asked", recorded: { question: "crm", option: "reports" } }),
    ],
    [
      "an answer given again after back says what it replaced",
      at(0, { "service-years": "y2-4" }),
      { kind: "text", text: "about 5 years" },
      "answered-then-asked",
      (t) =>
        expect(t.event).toMatchObject({ recorded: { question: "service-years", option: "y5-9", replaced: "y2-4" } }),
    ],
    [
      "text that fits two options asks which",
      at(2),
      { kind: "text", text: "bachelor's" },
      "hint",
      (t) => expect(t.event).toEqual({ kind: "hint", reason: "ambiguous", between: ["other", "related"] }),
    ],
    ["back on the first question is a hint", s0, { kind: "text", text: "back" }, "hint"],
    [
      "back goes one question back, keeping answers",
      s1,
      { kind: "text", text: "back" },
      "asked",
      (t) => expect(t.state).toMatchObject({ step: 0, answers: { "service-years": "y5-9" } }),
    ],
    ["skip is refused where not allowed", s0, { kind: "text", text: "skip" }, "hint"],
    [
      "skip where allowed records a skip",
      sBudget,
      { kind: "control", command: "skip", attempt: sBudget.attempt, owner },
      "asked",
      (t) => expect(t.state!.answers.budget).toBe("skip"),
    ],
    ["cancel ends the attempt", s1, { kind: "text", text: "cancel" }, "cancelled", (t) => expect(t.state).toBeNull()],
    [
      "restart starts a new attempt",
      s1,
      { kind: "text", text: "restart" },
      "asked",
      (t) => expect(t.state).toMatchObject({ step: 0, answers: {} }),
    ],
    [
      "a control from another user is refused",
      s1,
      { kind: "control", command: "cancel", owner: ownerOf(OTHER) },
      "stale",
    ],
    [
      "a control from an old attempt is refused",
      s1,
      { kind: "control", command: "cancel", attempt: "old", owner },
      "stale",
    ],
    [
      "the last answer finishes",
      last,
      { kind: "text", text: "1" },
      "finished",
      (t) => {
        expect(t.state).toBeNull();
        expect(Object.keys(t.finished!.answers)).toHaveLength(a.questions.length);
      },
    ],
  ];

  it.each(rows)("%s", (_name, state, input, event, check) => {
    const t = transition(a, state, input, USER, 2000);
    expect(t.event.kind).toBe(event);
    if (event === "stale" || event === "hint" || event === "not-an-answer") expect(t.state).toBe(state);
    check?.(t);
  });

  it("restart in the same millisecond still changes the attempt id", () => {
    const s = newState(a, USER, 5000);
    const t = transition(a, s, { kind: "text", text: "restart" }, USER, 5000);
    expect(t.state!.attempt).not.toBe(s.attempt);
  });
});

describe("versions and saved state", () => {
  it("migrates an older version, keeping answers that still apply", () => {
    const old: QuizState = {
      ...at(3),
      version: a.version - 1,
      answers: { "service-years": "y5-9", "lead-years": "gone-option", "removed-question": "x" },
    };
    const m = migrate(a, old, 9000);
    expect(m.kept).toBe(1);
    expect(m.state).toMatchObject({ version: a.version, step: 1, answers: { "service-years": "y5-9" } });
  });

  it("restarts when no answer still applies", () => {
    const old: QuizState = { ...at(2), version: a.version - 1, answers: { nothing: "x" } };
    expect(migrate(a, old, 9000)).toMatchObject({ kept: 0, state: { step: 0, answers: {} } });
  });

  it.each(["{not json", '{"version":"x"}', "[]", '{"version":1,"attempt":"a","owner":"b","step":-1,"answers":{}}'])(
    "treats %j as corrupt",
    (raw) => {
      expect(parseState(raw)).toBe("corrupt");
    },
  );
});
