/** Replies for the self-assessment: a question, a hint, a refusal, the result, the history. */

import type { Assessment } from "../../content/schemas.ts";
import { citedSources } from "../answers/compose.ts";
import { askButton } from "../answers/meta.ts";
import type { Catalog } from "../catalog.ts";
import { ACTIONS, type Block, type Button, type Reply } from "../types.ts";
import { currentQuestion, type QuizEvent, type QuizState } from "./machine.ts";
import type { ResultRecord, Scored } from "./scoring.ts";

const reply = (intent: string, blocks: Block[]): Reply => ({ outcome: "answer", intent, confidence: 1, blocks });

export function controlButtons(s: QuizState, skippable: boolean): Button[] {
  const b = (label: string, command: string, style?: Button["style"]): Button => ({
    label,
    action: ACTIONS.quizControl,
    value: `${command}.${s.attempt}.${s.owner}`,
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
export function questionReply(a: Assessment, s: QuizState, lead?: string): Reply {
  const q = currentQuestion(a, s)!;
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: "text", text: lead });
  blocks.push({ type: "heading", text: `Question ${s.step + 1} of ${a.questions.length}`, level: 2 });
  blocks.push({ type: "text", text: q.text });
  const chosen = s.answers[q.id];
  blocks.push({
    type: "buttons",
    buttons: q.options.map((o, i) => ({
      label: `${i + 1}. ${o.label}`,
      action: ACTIONS.quiz,
      value: `${s.attempt}.${s.owner}.${q.id}.${o.id}`,
      ...(chosen === o.id ? { style: "primary" as const } : {}),
    })),
  });
  blocks.push({ type: "buttons", buttons: controlButtons(s, q.skippable) });
  blocks.push({
    type: "text",
    text: `Tap an answer or type it (a number, or in your own words${q.years ? ', e.g. "about 5 years"' : ""}).${q.skippable ? ' You can "skip" this one.' : ""}`,
  });
  return reply("assess-question", blocks);
}

export function introReply(a: Assessment, s: QuizState): Reply {
  return reply("assess-question", [
    { type: "heading", text: a.title, level: 1 },
    { type: "text", text: a.intro },
    ...questionReply(a, s).blocks,
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

export function hintReply(
  a: Assessment,
  s: QuizState,
  reason: "no-match" | "ambiguous" | "not-skippable" | "first-question",
): Reply {
  const q = currentQuestion(a, s)!;
  const why = {
    "no-match": `I couldn't match that to an answer. Reply with a number from 1 to ${q.options.length}, or tap a button.`,
    ambiguous: `That could fit more than one answer. Reply with a number from 1 to ${q.options.length}.`,
    "not-skippable": "This question can't be skipped: it checks something every source asks for.",
    "first-question": "This is the first question, so there is nothing to go back to.",
  }[reason];
  return questionReply(a, s, why);
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

function date(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `${n}` : "±0";
}

export function resultReply(
  catalog: Catalog,
  scored: Scored,
  previous: ResultRecord | undefined,
  attempt: string,
  owner: string,
): Reply {
  const a = catalog.assessment;
  const blocks: Block[] = [
    { type: "heading", text: `Your readiness: ${scored.score}/100 · ${scored.band.label}`, level: 1 },
    { type: "text", text: scored.band.summary },
    { type: "heading", text: "By area", level: 2 },
    {
      type: "facts",
      facts: scored.dimensions.map((d) => ({
        label: d.label,
        value: d.skipped && d.earned === 0 ? `${d.score}% (skipped)` : `${d.score}%`,
      })),
    },
  ];
  if (scored.gaps.length > 0) {
    blocks.push({
      type: "heading",
      text: scored.gaps.length === 1 ? "Your biggest gap" : `Your ${scored.gaps.length} biggest gaps`,
      level: 2,
    });
    const learn = new Set<string>();
    for (const g of scored.gaps) {
      const d = a.dimensions.find((x) => x.id === g.id)!;
      blocks.push({
        type: "text",
        text: `${d.label} (${g.score}%): the sources ask for this: ${lowerFirst(d.requirement.text)}`,
        sources: d.requirement.sources,
      });
      blocks.push({
        type: "bullets",
        items: d.nextSteps.map((n) => ({ text: `Next step: ${n.text}`, sources: n.sources })),
      });
      for (const id of d.learnMore) learn.add(id);
    }
    blocks.push({
      type: "buttons",
      title: "Learn more",
      buttons: [...learn]
        .slice(0, 5)
        .filter((id) => catalog.intentById.has(id))
        .map((id) => askButton(catalog, id)),
    });
  }
  if (previous) {
    blocks.push({
      type: "heading",
      text: `Since your last attempt (${date(previous.at)}): ${signed(scored.score - previous.score)} points`,
      level: 2,
    });
    blocks.push({
      type: "facts",
      facts: scored.dimensions.map((d) => {
        const before = previous.dimensions[d.id];
        return {
          label: d.label,
          value: before === undefined ? `${d.score}% (new)` : `${before}% → ${d.score}% (${signed(d.score - before)})`,
        };
      }),
    });
  }
  const cited = citedSources(catalog, blocks);
  if (cited.length > 0) blocks.push({ type: "sources", sources: cited });
  blocks.push({
    type: "buttons",
    buttons: [
      { label: "Retake", action: ACTIONS.quizControl, value: `start.${attempt}.${owner}` },
      { label: "My history", action: ACTIONS.quizControl, value: `history.${attempt}.${owner}` },
    ],
  });
  return reply("assess-result", blocks);
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
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
