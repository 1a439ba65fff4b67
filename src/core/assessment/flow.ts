/**
 * The self-assessment in conversation: starting it (privately: a channel only gets a pointer),
 * answers by button or by typing, questions asked mid-quiz, results and history. Which turns come
 * here is decided by the engine's routes (../routes/quiz.ts).
 * State goes through the store with compare-and-set, so two clicks racing on the same question
 * record one answer, even across processes.
 */
import type { Catalog } from "../catalog.ts";
import { keys } from "../keys.ts";
import type { QuizAnswerPayload, QuizControlPayload } from "../payloads.ts";
import type { Clock, Store, Write } from "../store.ts";
import type { Inbound, Outbound, Reply } from "../types.ts";
import { CLEAR_QUESTION_CONFIDENCE, explicitQuestion, questionShape } from "./asides.ts";
import {
  migrate,
  newState,
  ownerOf,
  type QuizEvent,
  type QuizInput,
  type QuizState,
  type Transition,
  transition,
} from "./machine.ts";
import {
  cancelledReply,
  earlierAnswer,
  echo,
  hintReply,
  historyReply,
  introReply,
  lastResultBlocks,
  leadFor,
  questionReply,
  staleQuizReply,
} from "./render.ts";
import { resultReply } from "./result.ts";
import { type ResultRecord, scoreAnswers, toRecord } from "./scoring.ts";
import { parseState, resultCodec } from "./stored.ts";

/** What an ended attempt leaves behind: "ended:<attempt id>" (briefly), so the next attempt gets a new id. */
const ENDED = "ended:";
const MAX_RESULTS = 50;
/** Words that start (or resume) the self-assessment, after simplify(). */
export const START_WORDS: ReadonlySet<string> = new Set([
  "assess",
  "assessment",
  "self assessment",
  "selfassessment",
  "start the self assessment",
  "start self assessment",
  "start assessment",
  "take the self assessment",
  "quiz",
  "start quiz",
  "start the quiz",
  "take the quiz",
  "retake",
  "retake the quiz",
  "careerfaq assess",
]);
/** Words that show the user's past results, after simplify(). */
export const HISTORY_WORDS: ReadonlySet<string> = new Set([
  "history",
  "my history",
  "my results",
  "results",
  "past results",
]);
const sessionKey = keys.quiz;
const resultsKey = keys.results;

export interface AssessorDeps {
  catalog: Catalog;
  store: Store;
  clock: Clock;
  sessionTtlMs: number;
  /**
   * Answers a question asked in the middle of the quiz (the engine's FAQ path, pure). The reply's
   * outcome and confidence (the routing's, for an answer) decide whether a question-shaped reply is
   * a clear question.
   */
  faq(text: string): Reply;
  /** Counts quizzes started and completed. */
  onQuiz?(event: "started" | "completed"): Promise<void>;
}

export class Assessor {
  constructor(private readonly d: AssessorDeps) {}

  /** Starts (or resumes) the quiz. In a channel, questions go to the user's direct messages. */
  async start(inbound: Inbound): Promise<Outbound[]> {
    // Where the adapter cannot reach the DMs, nothing starts here: it points the user to a private chat.
    if (!inbound.direct && inbound.canDm === false) return [{ reply: pointer(), to: "dm" }];
    const { t, lead } = await this.apply(inbound.user, (s, previous) =>
      transition(this.d.catalog.assessment, s, { kind: "start" }, inbound.user, this.d.clock(), previous),
    );
    const s = t.state!;
    if (t.event.kind === "asked" && t.event.note === "started") this.counted("started");
    const reply =
      t.event.kind === "asked" && t.event.note === "started"
        ? introReply(this.d.catalog.assessment, s, inbound.channel)
        : questionReply(this.d.catalog.assessment, s, lead ?? leadFor(t.event), inbound.channel);
    if (inbound.direct) return [{ reply }];
    return [
      { reply: pointer(), visibility: "private" },
      { reply, to: "dm" },
    ];
  }

  async history(user: string): Promise<Reply> {
    return historyReply(this.d.catalog, await this.results(user));
  }

  async lastResult(user: string): Promise<ReturnType<typeof lastResultBlocks>> {
    const results = await this.results(user);
    return lastResultBlocks(this.d.catalog, results.at(-1));
  }

  private async results(user: string): Promise<ResultRecord[]> {
    return (await this.d.store.list(resultsKey(user))).flatMap((raw) => resultCodec.decode(raw) ?? []);
  }

  /**
   * Whether the user is in the middle of the quiz. A store that fails or times out counts as "no": a
   * plain question must be answered even when the store hangs (the store logs the incident).
   */
  async active(user: string): Promise<boolean> {
    const raw = await this.d.store.get(sessionKey(user)).catch(() => undefined);
    return raw !== undefined && !raw.startsWith(ENDED);
  }

  /**
   * A typed reply: an answer, unless it is a clear question — "wait, …", or shaped like a question
   * and answered by the FAQ with high confidence. Only question-shaped replies are routed.
   */
  async onText(inbound: Inbound): Promise<Outbound[]> {
    const text = inbound.text ?? "";
    const explicit = explicitQuestion(text);
    const faq = explicit === undefined && questionShape(text) ? this.d.faq(text) : undefined;
    const clear = faq?.outcome === "answer" && faq.confidence >= CLEAR_QUESTION_CONFIDENCE;
    const aside = explicit !== undefined ? "explicit" : clear ? "clear" : undefined;
    return this.run(inbound, { kind: "text", text, ...(aside ? { aside } : {}) }, () =>
      explicit !== undefined ? this.d.faq(explicit) : (faq ?? this.d.faq(text)),
    );
  }

  /** An answer button (undefined: a value that is not one of ours). */
  async onClick(inbound: Inbound, clicked: QuizAnswerPayload | undefined): Promise<Outbound[]> {
    if (!clicked) return [{ reply: staleQuizReply(this.d.catalog, "old-question"), visibility: "private" }];
    return this.run(inbound, { kind: "click", ...clicked });
  }

  /** A control button (undefined: a value that is not one of ours). */
  async onControl(inbound: Inbound, clicked: QuizControlPayload | undefined): Promise<Outbound[]> {
    if (!clicked) return [{ reply: staleQuizReply(this.d.catalog, "old-question"), visibility: "private" }];
    const { command, attempt, owner } = clicked;
    if (owner !== undefined && owner !== ownerOf(inbound.user))
      return [{ reply: staleQuizReply(this.d.catalog, "other-user"), visibility: "private" }];
    if (command === "start") return this.start(inbound);
    if (command === "history") return [{ reply: await this.history(inbound.user), visibility: "private" }];
    return this.run(inbound, { kind: "control", command, attempt, owner });
  }

  /** Applies an input to the user's session and turns what happened into replies. */
  private async run(inbound: Inbound, input: QuizInput, faq?: () => Reply): Promise<Outbound[]> {
    const a = this.d.catalog.assessment;
    const channel = inbound.channel;
    const { t, lead, previous } = await this.apply(inbound.user, (s, last) =>
      transition(a, s, input, inbound.user, this.d.clock(), last),
    );
    const e: QuizEvent = t.event;
    switch (e.kind) {
      case "answered-then-asked":
        return [{ reply: questionReply(a, t.state!, lead ?? echo(a, e.recorded), channel) }];
      case "asked": {
        const back = e.note === "back" ? earlierAnswer(a, t.state!) : undefined;
        const said = [lead ?? leadFor(e), back].filter(Boolean).join(" ");
        return [{ reply: questionReply(a, t.state!, said || undefined, channel) }];
      }
      case "hint": {
        const asked = input.kind === "text" && questionShape(input.text) !== undefined;
        return [{ reply: hintReply(a, t.state!, e, channel, asked) }];
      }
      case "cancelled":
        return [{ reply: cancelledReply() }];
      case "stale": {
        const out: Outbound[] = [{ reply: staleQuizReply(this.d.catalog, e.reason), visibility: "private" }];
        if (t.state && e.reason !== "other-user") out.push({ reply: questionReply(a, t.state, undefined, channel) });
        return out;
      }
      case "not-an-answer": {
        // The FAQ's reply as it is (for "wait, …" a "Did you mean…" or a decline too), then the quiz again.
        const answer = faq?.() ?? this.d.faq(inbound.text ?? "");
        return [{ reply: answer }, { reply: questionReply(a, t.state!, "Back to the self-assessment:", channel) }];
      }
      case "finished": {
        const f = t.finished!;
        const scored = scoreAnswers(a, f.answers);
        return [{ reply: resultReply(this.d.catalog, scored, previous, f.attempt, f.owner, echo(a, e.recorded)) }];
      }
    }
  }

  /**
   * Read, transition, compare-and-set, retry on a lost race. A finished attempt's result is
   * appended only by the writer that won, so it is recorded exactly once.
   */
  private async apply(
    user: string,
    step: (s: QuizState | null, previous?: string) => Transition,
  ): Promise<{ t: Transition; lead?: string; previous?: ResultRecord }> {
    const a = this.d.catalog.assessment;
    const key = sessionKey(user);
    for (let attempt = 0; attempt < 8; attempt++) {
      const raw = await this.d.store.get(key);
      const ended = raw?.startsWith(ENDED) ? raw.slice(ENDED.length) : undefined;
      const parsed = ended !== undefined ? null : parseState(raw);
      const now = this.d.clock();
      let state: QuizState | null;
      let lead: string | undefined;
      let repaired = false;
      if (parsed === "corrupt") {
        state = newState(a, user, now);
        lead = "I couldn't read your saved progress, so the self-assessment starts again from the first question.";
        repaired = true;
      } else if (parsed && parsed.version !== a.version) {
        const m = migrate(a, parsed, now);
        state = m.state;
        lead = leadFor({ kind: "asked", note: m.kept > 0 ? "migrated" : "reset", kept: m.kept });
        repaired = true;
      } else {
        state = parsed;
      }
      if (repaired) {
        // Save the repaired state first and show where the user now is; the input was for the old one.
        if (!(await this.d.store.compareAndSet(key, raw, JSON.stringify(state), this.d.sessionTtlMs))) continue;
        return { t: { state, event: { kind: "asked" } }, lead };
      }
      const t = step(state, ended);
      if (t.state === state && t.event.kind !== "asked") return { t };
      const next = t.state ? JSON.stringify(t.state) : `${ENDED}${(t.finished ?? state)?.attempt ?? ""}`;
      if (t.event.kind === "finished" && t.finished) {
        // The session's end and the result are one atomic commit: a crash leaves both or neither.
        const previous = (await this.results(user)).at(-1);
        const record = toRecord(a, t.finished.attempt, now, scoreAnswers(a, t.finished.answers));
        const ended: Write = { kind: "set", key, value: next, ttlMs: this.d.sessionTtlMs };
        const result: Write = {
          kind: "append",
          key: resultsKey(user),
          value: JSON.stringify(record),
          max: MAX_RESULTS,
        };
        if (!(await this.d.store.commit([ended, result], { key, expected: raw }))) continue;
        this.counted("completed");
        return { t, previous };
      }
      if (!(await this.d.store.compareAndSet(key, raw, next, this.d.sessionTtlMs))) continue;
      return { t };
    }
    throw new Error("self-assessment: too many concurrent updates to one session");
  }

  /** Quiz counters are best-effort: never awaited, never failing the turn. */
  private counted(event: "started" | "completed"): void {
    this.d.onQuiz?.(event)?.catch(() => {});
  }
}

function pointer(): Reply {
  return {
    outcome: "answer",
    intent: "assess-pointer",
    confidence: 1,
    blocks: [
      {
        type: "text",
        text: 'The self-assessment is private, so it runs in a direct message with me: look there for the first question (or open a chat with me and type "assess").',
      },
    ],
  };
}
