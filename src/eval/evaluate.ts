/**
 * Accuracy evaluation over a labelled question set (tests/eval/*.yml).
 *
 * In scope, a question counts as correct when the engine answers it (not a clarification or a
 * decline) and every expected fact pattern is in the answer's plain text. Out of scope, it counts
 * as rejected when the engine does not answer. The sweep replays the routing at other answer
 * thresholds to show coverage against accuracy.
 */
import { readFileSync } from "node:fs";
import YAML from "yaml";
import { z } from "zod";
import { formatPath } from "../content/check.ts";
import type { Engine } from "../core/engine.ts";
import { renderText } from "../core/render-text.ts";

export const EvalCaseSchema = z
  .object({
    q: z.string(),
    intent: z.string().nullable(),
    expect: z.array(z.string().min(1)).optional(),
    kind: z.enum(["other-role", "other-country", "unrelated", "gibberish", "injection", "stop-words"]).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.intent && (!c.expect || c.expect.length === 0))
      ctx.addIssue({ code: "custom", path: ["expect"], message: "an in-scope question needs expected facts" });
    if (!c.intent && !c.kind)
      ctx.addIssue({ code: "custom", path: ["kind"], message: "an out-of-scope question needs a kind" });
  });
export type EvalCase = z.infer<typeof EvalCaseSchema>;

export function loadEvalSet(file: string): EvalCase[] {
  const parsed = z.array(EvalCaseSchema).safeParse(YAML.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${file}: ${formatPath(i.path)}: ${i.message}`).join("\n"));
  return parsed.data;
}

export interface CaseResult {
  case: EvalCase;
  outcome: "answer" | "clarify" | "decline";
  intent: string | null;
  confidence: number;
  /** The facts that were missing from the answer (in scope). */
  missing: string[];
  correct: boolean;
  /** For the sweep: whether a lower threshold could answer it, and whether that answer has the facts. */
  eligible: boolean;
  factsPresent: boolean;
}

export interface SweepRow {
  threshold: number;
  inScopeAnswered: number;
  inScopeAccuracy: number;
  precision: number;
  outOfScopeRejected: number;
}

export interface EvalReport {
  inScope: { total: number; correct: number; answered: number; intentAgreement: number };
  outOfScope: { total: number; rejected: number; byKind: Record<string, { total: number; rejected: number }> };
  results: CaseResult[];
  sweep: SweepRow[];
}

function patternsMissing(patterns: readonly string[] | undefined, text: string): string[] {
  return (patterns ?? []).filter((p) => !new RegExp(p, "i").test(text));
}

export function evaluate(engine: Engine, cases: readonly EvalCase[]): EvalReport {
  const results: CaseResult[] = cases.map((c) => {
    const { reply, routing } = engine.ask(c.q);
    const text = renderText(reply);
    const missing = c.intent ? patternsMissing(c.expect, text) : [];
    // What the engine would say if the threshold let the top intent through.
    const hardDecline = routing.declineReason !== undefined && routing.intent === null;
    let eligible = false;
    let factsPresent = false;
    if (!hardDecline && routing.intent) {
      const candidate =
        reply.outcome === "answer" ? reply : engine.compose(routing.intent, routing.slots, routing.confidence);
      eligible = candidate.outcome === "answer";
      factsPresent = c.intent ? patternsMissing(c.expect, renderText(candidate)).length === 0 : false;
    }
    return {
      case: c,
      outcome: reply.outcome,
      intent: reply.outcome === "answer" ? reply.intent : routing.intent,
      confidence: routing.confidence,
      missing,
      correct: c.intent ? reply.outcome === "answer" && missing.length === 0 : reply.outcome !== "answer",
      eligible,
      factsPresent,
    };
  });
  const inScope = results.filter((r) => r.case.intent);
  const outOfScope = results.filter((r) => !r.case.intent);
  const byKind: Record<string, { total: number; rejected: number }> = {};
  for (const r of outOfScope) {
    const kind = r.case.kind ?? "other";
    byKind[kind] ??= { total: 0, rejected: 0 };
    const k = byKind[kind];
    k.total++;
    if (r.correct) k.rejected++;
  }
  const sweep: SweepRow[] = [];
  for (let t = 0.1; t <= 0.901; t += 0.05) {
    const threshold = Math.round(t * 100) / 100;
    const answered = (r: CaseResult) => r.eligible && r.confidence >= threshold;
    const inAnswered = inScope.filter(answered);
    const inCorrect = inAnswered.filter((r) => r.factsPresent);
    sweep.push({
      threshold,
      inScopeAnswered: ratio(inAnswered.length, inScope.length),
      inScopeAccuracy: ratio(inCorrect.length, inScope.length),
      precision: ratio(inCorrect.length, inAnswered.length),
      outOfScopeRejected: ratio(outOfScope.filter((r) => !answered(r)).length, outOfScope.length),
    });
  }
  return {
    inScope: {
      total: inScope.length,
      correct: inScope.filter((r) => r.correct).length,
      answered: inScope.filter((r) => r.outcome === "answer").length,
      intentAgreement: inScope.filter((r) => r.outcome === "answer" && r.intent === r.case.intent).length,
    },
    outOfScope: { total: outOfScope.length, rejected: outOfScope.filter((r) => r.correct).length, byKind },
    results,
    sweep,
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}
