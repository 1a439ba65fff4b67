/** Replies for the self-assessment: a question, the echo of an answer, a hint, a refusal, the history. */

import { askButton } from "../answers/meta.ts";
import type { Catalog } from "../catalog.ts";
import type { Assessment, AssessmentQuestion } from "../model/assessment.ts";
import { type QuizControlPayload, quizAnswerPayload, quizControlPayload } from "../payloads.ts";
import { ACTIONS, type Block, type Button, type ChannelKind, type Reply } from "../types.ts";
import { currentQuestion, type QuizEvent, type QuizState, type Recorded } from "./machine.ts";
import { type ResultRecord, SKIPPED } from "./scoring.ts";

export const reply = (intent: string, blocks: Block[]): Reply => ({ outcome: "answer", intent, confidence: 1, blocks });

export function controlButtons(s: QuizState, skippable: boolean): Button[] {
  const b = (label: string, command: QuizControlPayload["command"], style?: Button["style"]): Button => ({
    label,
    action: ACTIONS.quizControl,
    value: quizControlPayload.encode({ command, attempt: s.attempt, owner: s.owner }),
    ...(style ? { style } : {}),
  });
  return [
    ...(s.step > 0 ? [b("Back", "back")] : []),
    ...(skippable ? [b("Skip", "skip")] : []),
    b("Cancel", "cancel", "danger"),
  ];
}

const NOTES: Record<string, string> = {
  started: "",
  resumed: "Picking up where you left off.",
  restarted: "Starting again from the first question.",
  back: "Going back one question.",
  skipped: "Skipped.",
};

/** The current question, with progress, answer buttons and controls. */
export function questionReply(a: Assessment, s: QuizState, lead?: string, channel?: ChannelKind): Reply {
  const q = currentQuestion(a, s)!;
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: "text", text: lead });
  blocks.push({ type: "heading", text: `Question ${s.step + 1} of ${a.questions.length}`, level: 2 });
  blocks.push({ type: "text", text: q.text });
  blocks.push(...answerBlocks(s, q));
  const example = q.years ? '"about 5 years"' : `"${q.options[1]?.label ?? q.options[0]!.label}"`;
  const how =
    channel === "cli"
      ? `Type the number of your answer, or say it in your own words (e.g. ${example}).`
      : `Tap an answer or type it: its number, or in your own words (e.g. ${example}).`;
  blocks.push({ type: "text", text: `${how}${q.skippable ? ' You can "skip" this one.' : ""}` });
  return reply("assess-question", blocks);
}

/** The question's answer buttons (numbered; the earlier answer, if any, marked) and the controls. */
function answerBlocks(s: QuizState, q: AssessmentQuestion): Block[] {
  const chosen = s.answers[q.id];
  return [
    {
      type: "buttons",
      buttons: q.options.map((o, i) => ({
        label: `${i + 1}. ${o.label}`,
        action: ACTIONS.quiz,
        value: quizAnswerPayload.encode({ attempt: s.attempt, owner: s.owner, question: q.id, option: o.id }),
        ...(chosen === o.id ? { style: "primary" as const } : {}),
      })),
    },
    { type: "buttons", buttons: controlButtons(s, q.skippable) },
  ];
}

/** "Recorded: 5 to 9 years." — what an answer recorded, said before the next question or the result. */
export function echo(a: Assessment, recorded: Recorded): string {
  const q = a.questions.find((x) => x.id === recorded.question);
  const label = (id: string) => q?.options.find((o) => o.id === id)?.label ?? id;
  if (recorded.option === SKIPPED) return "Skipped.";
  const was =
    recorded.replaced === undefined
      ? ""
      : recorded.replaced === SKIPPED
        ? " (you had skipped it)"
        : ` (instead of ${label(recorded.replaced)})`;
  return `Recorded: ${label(recorded.option)}${was}.`;
}

/** "You answered: 2 to 4 years. …" — shown when going back to a question answered before. */
export function earlierAnswer(a: Assessment, s: QuizState): string | undefined {
  const q = currentQuestion(a, s);
  const chosen = q && s.answers[q.id];
  if (!q || chosen === undefined) return undefined;
  if (chosen === SKIPPED) return "You skipped this one. Pick an answer or type one, or skip it again.";
  const label = q.options.find((o) => o.id === chosen)?.label ?? chosen;
  return `You answered: ${label}. Pick again or type a new answer.`;
}

export function introReply(a: Assessment, s: QuizState, channel?: ChannelKind): Reply {
  return reply("assess-question", [
    { type: "heading", text: a.title, level: 1 },
    { type: "text", text: a.intro },
    ...questionReply(a, s, undefined, channel).blocks,
  ]);
}

export function leadFor(event: QuizEvent): string | undefined {
  if (event.kind === "asked") {
    if (event.note === "migrated")
      return `The self-assessment has changed since you started. I kept your ${event.kept} answer${event.kept === 1 ? "" : "s"} that still apply.`;
    if (event.note === "reset")
      return "The self-assessment has changed since you started, and none of your answers still apply, so it starts again from the first question.";
    return NOTES[event.note ?? ""] || undefined;
  }
  return undefined;
}

export type HintEvent = Extract<QuizEvent, { kind: "hint" }>;

/**
 * A short hint when a reply fits no answer (or two): what to do, with the question's answers as
 * buttons (numbered, so they list the options in every channel), never a topic page.
 */
export function hintReply(a: Assessment, s: QuizState, hint: HintEvent, channel?: ChannelKind, asked?: boolean): Reply {
  const q = currentQuestion(a, s)!;
  const numbered = (id: string) => {
    const i = q.options.findIndex((o) => o.id === id);
    return `${i + 1} ("${q.options[i]?.label ?? id}")`;
  };
  const pick = channel === "cli" ? "type its number" : "tap it or type its number";
  const text = {
    "no-match": `I couldn't match that to one of the answers to question ${s.step + 1}. Pick the closest below (${pick}), or say it differently.${asked ? ' To ask me something else first, start with "wait," — e.g. "wait, what does a director earn?"' : ""}`,
    ambiguous:
      hint.reason === "ambiguous"
        ? `That could be ${numbered(hint.between[0])} or ${numbered(hint.between[1])}. Which one? Type its number.`
        : "",
    "not-skippable": "This question can't be skipped: it checks something every source asks for.",
    "first-question": "This is the first question, so there is nothing to go back to.",
  }[hint.reason];
  return reply("assess-hint", [
    { type: "text", text },
    { type: "text", text: `${s.step + 1}. ${q.text}` },
    ...answerBlocks(s, q),
  ]);
}

export function staleQuizReply(
  catalog: Catalog,
  reason: "other-user" | "old-attempt" | "old-question" | "no-session",
): Reply {
  const text = {
    "other-user":
      'That self-assessment belongs to someone else, so I can\'t take your answer there. Type "assess" in a direct message with me to start your own.',
    "old-attempt":
      "That button is from an earlier attempt that has finished or been restarted; nothing was changed. Your current question is below, if you have one.",
    "old-question": "That question has already been answered; nothing was changed. Here is where you are now.",
    "no-session": 'You have no self-assessment in progress, so nothing was changed. Type "assess" to start one.',
  }[reason];
  const buttons = reason === "no-session" || reason === "other-user" ? [askButton(catalog, "assess")] : [];
  return {
    outcome: "decline",
    intent: "stale-action",
    confidence: 1,
    blocks: [{ type: "text", text }, ...(buttons.length ? [{ type: "buttons" as const, buttons }] : [])],
  };
}

export function cancelledReply(): Reply {
  return reply("assess-cancelled", [
    {
      type: "text",
      text: 'Self-assessment cancelled; the unfinished answers are discarded. Type "assess" whenever you want to start again.',
    },
  ]);
}

export function date(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function historyReply(catalog: Catalog, results: readonly ResultRecord[]): Reply {
  if (results.length === 0) {
    return reply("assess-history", [
      { type: "text", text: 'You have no self-assessment results yet. Type "assess" to take it.' },
    ]);
  }
  const band = (id: string) => catalog.assessment.bands.find((b) => b.id === id)?.label ?? id;
  return reply("assess-history", [
    { type: "heading", text: "Your self-assessment results", level: 1 },
    {
      type: "facts",
      facts: [...results].reverse().map((r) => ({ label: date(r.at), value: `${r.score}/100 · ${band(r.band)}` })),
    },
    { type: "text", text: 'Type "assess" to take it again, or "forget me" to delete everything I keep about you.' },
  ]);
}

export function lastResultBlocks(catalog: Catalog, last: ResultRecord | undefined): Block[] {
  if (!last)
    return [
      {
        type: "text",
        text: 'You haven\'t taken the readiness self-assessment yet. Send me "assess" in a direct message to start.',
      },
    ];
  const band = catalog.assessment.bands.find((b) => b.id === last.band)?.label ?? last.band;
  return [
    { type: "heading", text: "Your last self-assessment", level: 2 },
    {
      type: "text",
      text: `${last.score}/100 · ${band} (${date(last.at)}). Send me "assess" to retake it, or "history" for all your results.`,
    },
  ];
}
