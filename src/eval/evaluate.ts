/**
 * Accuracy evaluation over a labelled question set (tests/eval/*.yml).
 *
 * In scope (no `kind`), a question counts as correct when the engine answers it (not a clarification
 * or a decline) and every expected fact pattern is in the answer's plain text; it counts for the
 * lead score when every pattern is within the first LEAD_CHARS characters, what a person reads at
 * a glance. Out of scope (a `kind`), it counts as declined when the engine does not answer: a decline,
 * a clarification, or a social reply ("Hi!" to "hi"), which answers no question. Reply
 * lengths are those of the plain text. The sweep replays each question at other answer thresholds.
 */
import { readFileSync } from "node:fs";
import YAML from "yaml";
import { z } from "zod";
import { formatPath } from "../content/check.ts";
import { renderText } from "../core/render-text.ts";
import type { Reply } from "../core/types.ts";

/** Characters of plain text a person reads at a glance: the lead. */
export const LEAD_CHARS = 400;

export const EvalCaseSchema = z
  .object({
    q: z.string(),
    /** The intent that should answer (our own sets); blind sets leave it out. */
    intent: z.string().nullable().optional(),
    /** Case-insensitive regular expressions, each one fact the answer must contain. */
    expect: z.array(z.string().min(1)).optional(),
    /** Out of scope: why (other-role, employer, formula, ...). */
    kind: z
      .string()
      .regex(/^[a-z][a-z-]*$/)
      .optional(),
    /** Out of scope but near the domain (names the role, sounds like a career question). */
    trap: z.boolean().optional(),
    /** In scope: the question's shape (figure, sub-fact, comparison, yes-no, list, definition, other). */
    class: z.string().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.kind && (!c.expect || c.expect.length === 0))
      ctx.addIssue({ code: "custom", path: ["expect"], message: "an in-scope question needs expected facts" });
    if (c.kind && c.intent)
      ctx.addIssue({ code: "custom", path: ["kind"], message: "out of scope, yet has an intent" });
    for (const [i, p] of (c.expect ?? []).entries()) {
      try {
        new RegExp(p, "i");
      } catch {
        ctx.addIssue({ code: "custom", path: ["expect", i], message: "not a valid regular expression" });
      }
    }
  });
export type EvalCase = z.infer<typeof EvalCaseSchema>;

export function loadEvalSet(file: string): EvalCase[] {
  const parsed = z.array(EvalCaseSchema).safeParse(YAML.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${file}: ${formatPath(i.path)}: ${i.message}`).join("\n"));
  return parsed.data;
}

export const inScope = (c: EvalCase): boolean => !c.kind;

/** What the evaluation needs from the engine: the reply to a question, at an optional answer threshold. */
export type Asker = (question: string, answerThreshold?: number) => { reply: Reply; confidence: number };

export interface CaseResult {
  case: EvalCase;
  outcome: Reply["outcome"];
  intent: string;
  confidence: number;
  /** Plain-text length of the reply. */
  length: number;
  /** Expected facts missing from the whole reply, and from its lead. */
  missing: string[];
  missingFromLead: string[];
  /** In scope: answered with every fact; out of scope: not answered. */
  correct: boolean;
  /** In scope: answered with every fact within the lead; out of scope: as `correct`. */
  lead: boolean;
}

export interface SweepRow {
  threshold: number;
  inScopeLead: number;
  outOfScopeDeclined: number;
}

export interface Lengths {
  p50: number;
  p90: number;
  max: number;
}

export interface EvalReport {
  inScope: { total: number; correct: number; lead: number; answered: number; intentAgreement: number };
  outOfScope: {
    total: number;
    declined: number;
    traps: { total: number; declined: number };
    byKind: Record<string, { total: number; declined: number }>;
  };
  /** Plain-text lengths of the in-scope replies. */
  lengths: Lengths;
  results: CaseResult[];
  sweep: SweepRow[];
}

export function missingPatterns(patterns: readonly string[] | undefined, text: string): string[] {
  return (patterns ?? []).filter((p) => !new RegExp(p, "i").test(text));
}

export function judge(c: EvalCase, reply: Reply, confidence: number): CaseResult {
  const text = renderText(reply);
  // A social reply ("Hi!") answers a greeting in scope; out of scope, it answers no question either.
  const answered = reply.outcome === "answer" || (inScope(c) && reply.outcome === "chat");
  const missing = inScope(c) ? missingPatterns(c.expect, text) : [];
  const missingFromLead = inScope(c) ? missingPatterns(c.expect, text.slice(0, LEAD_CHARS)) : [];
  const correct = inScope(c) ? answered && missing.length === 0 : !answered;
  return {
    case: c,
    outcome: reply.outcome,
    intent: reply.intent,
    confidence,
    length: text.length,
    missing,
    missingFromLead,
    correct,
    lead: inScope(c) ? answered && missingFromLead.length === 0 : correct,
  };
}

export function evaluate(ask: Asker, cases: readonly EvalCase[], sweep = true): EvalReport {
  const results = cases.map((c) => {
    const { reply, confidence } = ask(c.q);
    return judge(c, reply, confidence);
  });
  const ins = results.filter((r) => inScope(r.case));
  const outs = results.filter((r) => !inScope(r.case));
  const byKind: Record<string, { total: number; declined: number }> = {};
  for (const r of outs) {
    const kind = r.case.kind ?? "other";
    byKind[kind] ??= { total: 0, declined: 0 };
    byKind[kind].total++;
    if (r.correct) byKind[kind].declined++;
  }
  const traps = outs.filter((r) => r.case.trap);
  return {
    inScope: {
      total: ins.length,
      correct: ins.filter((r) => r.correct).length,
      lead: ins.filter((r) => r.lead).length,
      answered: ins.filter((r) => r.outcome === "answer").length,
      intentAgreement: ins.filter((r) => r.outcome === "answer" && r.case.intent && r.intent === r.case.intent).length,
    },
    outOfScope: {
      total: outs.length,
      declined: outs.filter((r) => r.correct).length,
      traps: { total: traps.length, declined: traps.filter((r) => r.correct).length },
      byKind,
    },
    lengths: lengths(ins.map((r) => r.length)),
    results,
    sweep: sweep ? sweepThresholds(ask, cases) : [],
  };
}

function sweepThresholds(ask: Asker, cases: readonly EvalCase[]): SweepRow[] {
  const rows: SweepRow[] = [];
  for (let t = 0.1; t <= 0.701; t += 0.05) {
    const threshold = Math.round(t * 100) / 100;
    const results = cases.map((c) => {
      const { reply, confidence } = ask(c.q, threshold);
      return judge(c, reply, confidence);
    });
    const ins = results.filter((r) => inScope(r.case));
    const outs = results.filter((r) => !inScope(r.case));
    rows.push({
      threshold,
      inScopeLead: ratio(ins.filter((r) => r.lead).length, ins.length),
      outOfScopeDeclined: ratio(outs.filter((r) => r.correct).length, outs.length),
    });
  }
  return rows;
}

export function lengths(values: readonly number[]): Lengths {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p90: at(0.9), max: sorted.at(-1) ?? 0 };
}

export function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}
