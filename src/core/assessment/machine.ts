/**
 * The self-assessment as a pure state machine: (state, input, now) → (state, what happened).
 * No storage, no clock of its own, no rendering: the session layer loads and saves state, and
 * render.ts turns events into replies. Versioned: a state saved under an older assessment is
 * migrated (answers to unchanged questions kept) or restarted, never a crash.
 */
import type { Assessment, AssessmentQuestion } from "../../content/schemas.ts";
import { NUMBER_WORDS as BASE_NUMBERS, simplify } from "../words.ts";
import { SKIPPED } from "./scoring.ts";

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
  | { kind: "text"; text: string };

/** What a transition did, for the renderer and the session layer. */
export type QuizEvent =
  | {
      kind: "asked";
      note?: "started" | "resumed" | "restarted" | "back" | "skipped" | "migrated" | "reset";
      kept?: number;
    }
  | { kind: "answered-then-asked" }
  | { kind: "finished" }
  | { kind: "cancelled" }
  | { kind: "hint"; reason: "no-match" | "ambiguous" | "not-skippable" | "first-question" }
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

/** In a typed answer about years, "no" and "none" mean zero and "a year" means one. */
const NUMBER_WORDS: Readonly<Record<string, number>> = { ...BASE_NUMBERS, no: 0, none: 0, a: 1 };

/** The option a typed answer names, or why none does. */
export function matchOption(
  q: AssessmentQuestion,
  text: string,
): { option: string } | { problem: "no-match" | "ambiguous" } {
  const t = simplify(text);
  if (t === "") return { problem: "no-match" };
  // A bare number is the option's number, as the buttons show it ("about 5 years" is read as years below).
  const numbered = /^(?:option |number |no |#)?(\d{1,2})$/.exec(t);
  if (numbered && Number(numbered[1]) >= 1 && Number(numbered[1]) <= q.options.length) {
    return { option: q.options[Number(numbered[1]) - 1]!.id };
  }
  const words = t.split(" ");
  // Exact label or id.
  const exact = q.options.find((o) => simplify(o.label) === t || o.id === t);
  if (exact) return { option: exact.id };
  // Phrases the option lists, as whole words; the longest match wins, a tie is ambiguous.
  if (words.length <= 10) {
    let best: { id: string; length: number } | undefined;
    let tie = false;
    for (const o of q.options) {
      for (const phrase of o.match) {
        if (!` ${t} `.includes(` ${phrase} `)) continue;
        if (!best || phrase.length > best.length) {
          best = { id: o.id, length: phrase.length };
          tie = false;
        } else if (phrase.length === best.length && best.id !== o.id) tie = true;
      }
    }
    if (best && !tie) return { option: best.id };
    if (tie) return { problem: "ambiguous" };
  }
  // A number of years: "about 5 years", "5", "five yrs".
  if (q.years) {
    const n = words.map((w) => (/^\d{1,2}$/.test(w) ? Number(w) : NUMBER_WORDS[w])).find((x) => x !== undefined);
    if (
      n !== undefined &&
      (/\b(years?|yrs?|about|around|roughly|nearly|almost|over|under)\b/.test(t) || n > q.options.length)
    ) {
      const o = q.options.find((x) => x.min !== undefined && x.max !== undefined && n >= x.min && n <= x.max);
      if (o) return { option: o.id };
    }
  }
  return { problem: "no-match" };
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
      const q = currentQuestion(a, state)!;
      const m = matchOption(q, input.text);
      if ("option" in m) return record(a, state, q.id, m.option, now);
      // Long or question-like text that names no option is probably a question for the FAQ.
      if (m.problem === "no-match" && (input.text.trim().split(/\s+/).length > 3 || /\?\s*$/.test(input.text))) {
        return { state, event: { kind: "not-an-answer" } };
      }
      return { state, event: { kind: "hint", reason: m.problem } };
    }
  }
}

function record(a: Assessment, state: QuizState, question: string, option: string, now: number): Transition {
  const answers = { ...state.answers, [question]: option };
  const step = state.step + 1;
  if (step >= a.questions.length) {
    const finished = { ...state, answers, step, updatedAt: now };
    return { state: null, event: { kind: "finished" }, finished };
  }
  return { state: { ...state, answers, step, updatedAt: now }, event: { kind: "answered-then-asked" } };
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
