/**
 * Dialogue evaluation (tests/eval/dialogues-*.yml): conversations of a few turns, asked in order
 * with the context the engine keeps between turns. A turn is right when it is answered with every
 * expected fact within the lead (or, for a turn marked `decline`, when it is declined and names
 * what it should); a conversation is right when all its turns are.
 */
import { readFileSync } from "node:fs";
import YAML from "yaml";
import { z } from "zod";
import { formatPath } from "../content/check.ts";
import type { ConversationState } from "../core/conversation.ts";
import { renderText } from "../core/render-text.ts";
import type { Reply } from "../core/types.ts";
import { LEAD_CHARS, type Lengths, lengths, missingPatterns } from "./evaluate.ts";

const TurnSchema = z
  .object({
    q: z.string().min(1),
    expect: z.array(z.string().min(1)).optional(),
    decline: z.boolean().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (!t.decline && !(t.expect && t.expect.length > 0))
      ctx.addIssue({ code: "custom", path: ["expect"], message: "an answered turn needs expected facts" });
  });
export const DialogueSchema = z
  .object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/), turns: z.array(TurnSchema).min(1) })
  .strict();
export type Dialogue = z.infer<typeof DialogueSchema>;

export function loadDialogues(file: string): Dialogue[] {
  const parsed = z.array(DialogueSchema).safeParse(YAML.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${file}: ${formatPath(i.path)}: ${i.message}`).join("\n"));
  return parsed.data;
}

/** One conversation's turns through the engine: each turn sees the state the previous one left. */
export type Converser = (
  text: string,
  previous: ConversationState | null,
) => { reply: Reply; state: ConversationState | null };

export interface TurnResult {
  dialogue: string;
  q: string;
  outcome: Reply["outcome"];
  intent: string;
  missing: string[];
  correct: boolean;
  length: number;
}

export interface DialogueReport {
  turns: { total: number; correct: number };
  /** Turns after the first: the follow-ups. */
  followUps: { total: number; correct: number };
  dialogues: { total: number; correct: number };
  lengths: Lengths;
  results: TurnResult[];
}

export function evaluateDialogues(converse: Converser, dialogues: readonly Dialogue[]): DialogueReport {
  const results: TurnResult[] = [];
  let whole = 0;
  let followTotal = 0;
  let followCorrect = 0;
  for (const d of dialogues) {
    let state: ConversationState | null = null;
    let allRight = true;
    d.turns.forEach((turn, i) => {
      const { reply, state: next } = converse(turn.q, state);
      state = next;
      const text = renderText(reply);
      const answered = reply.outcome === "answer" || (!turn.decline && reply.outcome === "chat");
      const missing = missingPatterns(turn.expect, turn.decline ? text : text.slice(0, LEAD_CHARS));
      const correct = (turn.decline ? !answered : answered) && missing.length === 0;
      results.push({
        dialogue: d.id,
        q: turn.q,
        outcome: reply.outcome,
        intent: reply.intent,
        missing,
        correct,
        length: text.length,
      });
      allRight &&= correct;
      if (i > 0) {
        followTotal++;
        if (correct) followCorrect++;
      }
    });
    if (allRight) whole++;
  }
  return {
    turns: { total: results.length, correct: results.filter((r) => r.correct).length },
    followUps: { total: followTotal, correct: followCorrect },
    dialogues: { total: dialogues.length, correct: whole },
    lengths: lengths(results.map((r) => r.length)),
    results,
  };
}

/** A dialogue set (a list of conversations, each with turns) is a file named dialogues….yml. */
export function isDialogueSet(file: string): boolean {
  return /(^|\/)dialogues[^/]*\.yml$/.test(file);
}
