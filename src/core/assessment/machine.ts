/**
 * The self-assessment as a pure state machine: (state, input, now) → (state, what happened).
 * No storage, no clock of its own, no rendering: the session layer loads and saves state, and
 * render.ts turns events into replies. Versioned: a state saved under an older assessment is
 * migrated (answers to unchanged questions kept) or restarted, never a crash.
 */
import type { Assessment, AssessmentQuestion } from "../model/assessment.ts";
import { simplify } from "../words.ts";
import { questionShape } from "./asides.ts";
import { matchOption } from "./match.ts";
import { SKIPPED } from "./scoring.ts";

export { matchOption } from "./match.ts";

export interface QuizState {
  /** The assessment version the answers belong to. */
  version: number;
  /** This attempt's id; buttons carry it, so a button from an earlier attempt is recognised. */
  attempt: string;
  /** A short hash of the user key; buttons carry it, so another user's button is recognised. */
  owner: string;
  /** Index of the question being asked. */
  step: number;
  /** question id → option id, or "skip". */
  answers: Record<string, string>;
  startedAt: number;
  updatedAt: number;
}

export type QuizInput =
  | { kind: "start" }
  | { kind: "click"; attempt: string; owner: string; question: string; option: string }
  | { kind: "control"; command: "back" | "skip" | "cancel" | "restart"; attempt?: string; owner?: string }
  /**
   * A typed reply. `aside` says it is a question for the FAQ rather than an answer: "explicit" when
   * it opens with "wait," or "quick question:", "clear" when it is shaped like a question and the FAQ
   * answers it with high confidence (the session layer finds out; see asides.ts).
   */
  | { kind: "text"; text: string; aside?: "explicit" | "clear" };

/** What was recorded, for the echo: "Recorded: 5 to 9 years." */
export interface Recorded {
  question: string;
  option: string;
  /** The answer it replaced (after "back"), if different. */
  replaced?: string;
}

/** What a transition did, for the renderer and the session layer. */
export type QuizEvent =
  | {
      kind: "asked";
      note?: "started" | "resumed" | "restarted" | "back" | "skipped" | "migrated" | "reset";
      kept?: number;
    }
  | { kind: "answered-then-asked"; recorded: Recorded }
  | { kind: "finished"; recorded: Recorded }
  | { kind: "cancelled" }
  | { kind: "hint"; reason: "no-match" | "not-skippable" | "first-question" }
  | { kind: "hint"; reason: "ambiguous"; between: [string, string] }
  | { kind: "stale"; reason: "other-user" | "old-attempt" | "old-question" | "no-session" }
  /** Text that is not an answer: the engine treats it as a question, then asks again. */
  | { kind: "not-an-answer" };

export interface Transition {
  /** The new state; null when the attempt ended (finished or cancelled) or there is none. */
  state: QuizState | null;
  event: QuizEvent;
  /** The finished attempt's answers, when event is "finished". */
  finished?: QuizState;
}

/** A stable short hash (FNV-1a, 32-bit, hex) of a user key. */
export function ownerOf(user: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < user.length; i++) {
    h ^= user.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

export function newState(a: Assessment, user: string, now: number): QuizState {
  const owner = ownerOf(user);
  return {
    version: a.version,
    attempt: `${now.toString(36)}${owner.slice(0, 4)}`,
    owner,
    step: 0,
    answers: {},
    startedAt: now,
    updatedAt: now,
  };
}

export function currentQuestion(a: Assessment, s: QuizState): AssessmentQuestion | undefined {
  return a.questions[s.step];
}

/**
 * Brings a state saved under an older assessment version up to date: answers to questions and
 * options that still exist are kept, the step moves to the first unanswered question. With nothing
 * kept, the attempt restarts.
 */
export function migrate(a: Assessment, s: QuizState, now: number): { state: QuizState; kept: number } {
  const answers: Record<string, string> = {};
  for (const q of a.questions) {
    const chosen = s.answers[q.id];
    if (chosen === undefined) continue;
    if ((chosen === SKIPPED && q.skippable) || q.options.some((o) => o.id === chosen)) answers[q.id] = chosen;
  }
  const kept = Object.keys(answers).length;
  const firstOpen = a.questions.findIndex((q) => answers[q.id] === undefined);
  const step = firstOpen === -1 ? a.questions.length - 1 : firstOpen;
  if (kept === 0) return { state: { ...s, version: a.version, step: 0, answers: {}, updatedAt: now }, kept: 0 };
  if (firstOpen === -1) delete answers[a.questions[step]!.id];
  return { state: { ...s, version: a.version, step, answers, updatedAt: now }, kept: Object.keys(answers).length };
}

const COMMANDS: Record<string, "back" | "skip" | "cancel" | "restart"> = {
  back: "back",
  previous: "back",
  "go back": "back",
  skip: "skip",
  pass: "skip",
  "skip it": "skip",
  "skip this": "skip",
  cancel: "cancel",
  stop: "cancel",
  quit: "cancel",
  exit: "cancel",
  "stop the quiz": "cancel",
  restart: "restart",
  "start over": "restart",
  "start again": "restart",
  reset: "restart",
};

export function commandOf(text: string): "back" | "skip" | "cancel" | "restart" | undefined {
  return COMMANDS[simplify(text)];
}

/**
 * @param previous the id of the user's last attempt, if any: a new attempt never reuses it, so buttons
 *   from a finished attempt stay stale even when the next one starts in the same millisecond
 */
export function transition(
  a: Assessment,
  state: QuizState | null,
  input: QuizInput,
  user: string,
  now: number,
  previous?: string,
): Transition {
  const owner = ownerOf(user);
  switch (input.kind) {
    case "start": {
      if (state) return { state: { ...state, updatedAt: now }, event: { kind: "asked", note: "resumed" } };
      const fresh = newState(a, user, now);
      if (fresh.attempt === previous) fresh.attempt = `${previous}n`;
      return { state: fresh, event: { kind: "asked", note: "started" } };
    }

    case "click": {
      if (input.owner !== owner) return { state, event: { kind: "stale", reason: "other-user" } };
      if (!state) return { state, event: { kind: "stale", reason: "no-session" } };
      if (input.attempt !== state.attempt) return { state, event: { kind: "stale", reason: "old-attempt" } };
      const q = currentQuestion(a, state);
      if (!q || q.id !== input.question) return { state, event: { kind: "stale", reason: "old-question" } };
      if (!q.options.some((o) => o.id === input.option))
        return { state, event: { kind: "stale", reason: "old-question" } };
      return record(a, state, q.id, input.option, now);
    }

    case "control": {
      if (input.owner !== undefined && input.owner !== owner)
        return { state, event: { kind: "stale", reason: "other-user" } };
      if (!state) return { state, event: { kind: "stale", reason: "no-session" } };
      if (input.attempt !== undefined && input.attempt !== state.attempt)
        return { state, event: { kind: "stale", reason: "old-attempt" } };
      return control(a, state, input.command, user, now);
    }

    case "text": {
      if (!state) return { state, event: { kind: "stale", reason: "no-session" } };
      const command = commandOf(input.text);
      if (command) return control(a, state, command, user, now);
      if (input.aside === "explicit") return { state, event: { kind: "not-an-answer" } };
      const q = currentQuestion(a, state)!;
      const m = matchOption(q, input.text);
      // A clear question goes to the FAQ even when it names an option ("do I need an MBA?"),
      // unless only its question mark makes it one ("about 5 years?").
      if (input.aside === "clear" && (!("option" in m) || questionShape(input.text) === "words"))
        return { state, event: { kind: "not-an-answer" } };
      if ("option" in m) return record(a, state, q.id, m.option, now);
      if (m.problem === "ambiguous") return { state, event: { kind: "hint", reason: "ambiguous", between: m.between } };
      return { state, event: { kind: "hint", reason: "no-match" } };
    }
  }
}

function record(a: Assessment, state: QuizState, question: string, option: string, now: number): Transition {
  const before = state.answers[question];
  const recorded: Recorded = {
    question,
    option,
    ...(before !== undefined && before !== option ? { replaced: before } : {}),
  };
  const answers = { ...state.answers, [question]: option };
  const step = state.step + 1;
  if (step >= a.questions.length) {
    const finished = { ...state, answers, step, updatedAt: now };
    return { state: null, event: { kind: "finished", recorded }, finished };
  }
  return { state: { ...state, answers, step, updatedAt: now }, event: { kind: "answered-then-asked", recorded } };
}

function control(
  a: Assessment,
  state: QuizState,
  command: "back" | "skip" | "cancel" | "restart",
  user: string,
  now: number,
): Transition {
  switch (command) {
    case "back":
      if (state.step === 0) return { state, event: { kind: "hint", reason: "first-question" } };
      return { state: { ...state, step: state.step - 1, updatedAt: now }, event: { kind: "asked", note: "back" } };
    case "skip": {
      const q = currentQuestion(a, state)!;
      if (!q.skippable) return { state, event: { kind: "hint", reason: "not-skippable" } };
      const t = record(a, state, q.id, SKIPPED, now);
      return t.event.kind === "answered-then-asked" ? { ...t, event: { kind: "asked", note: "skipped" } } : t;
    }
    case "cancel":
      return { state: null, event: { kind: "cancelled" } };
    case "restart": {
      const fresh = newState(a, user, now);
      // A restart in the same millisecond still gets its own attempt id, so old buttons stay stale.
      if (fresh.attempt === state.attempt) fresh.attempt = `${state.attempt}r`;
      return { state: fresh, event: { kind: "asked", note: "restarted" } };
    }
  }
}
