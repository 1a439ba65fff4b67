/** `careerfaq eval`: in-scope accuracy and lead score, out-of-scope declines, reply lengths, misses and the threshold sweep. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createEngine } from "../app.ts";
import { typedToPlain } from "../channels/typed.ts";
import type { Config } from "../config.ts";
import { DEFAULT_CONTENT_ROOT } from "../content/load.ts";
import type { Engine } from "../core/engine.ts";
import { type DialogueReport, evaluateDialogues, isDialogueSet, loadDialogues } from "../eval/dialogues.ts";
import { type Asker, type EvalReport, evaluate, LEAD_CHARS, loadEvalSet } from "../eval/evaluate.ts";

const pct = (n: number, d: number) => `${d === 0 ? "-" : `${((100 * n) / d).toFixed(1)}%`} (${n}/${d})`;

export function asker(engine: Engine): Asker {
  return (question, answerThreshold) => {
    const { reply, routing } = engine.ask(typedToPlain(question), { answerThreshold });
    return { reply, confidence: routing.confidence };
  };
}

export function formatReport(name: string, r: EvalReport, showMisses: boolean): string {
  const lines: string[] = [];
  const { inScope: ins, outOfScope: out } = r;
  lines.push(`== ${name}: ${ins.total + out.total} questions`);
  lines.push(
    `in scope, lead          ${pct(ins.lead, ins.total)}  every expected fact in the first ${LEAD_CHARS} characters`,
  );
  lines.push(`in scope, anywhere      ${pct(ins.correct, ins.total)}  (${ins.answered} answered)`);
  lines.push(
    `out of scope, declined  ${pct(out.declined, out.total)}  traps ${pct(out.traps.declined, out.traps.total)}`,
  );
  lines.push(
    `  by kind: ${Object.entries(out.byKind)
      .map(([k, v]) => `${k} ${v.declined}/${v.total}`)
      .join(", ")}`,
  );
  lines.push(`reply length (in scope)  p50 ${r.lengths.p50}  p90 ${r.lengths.p90}  max ${r.lengths.max} characters`);
  const misses = r.results.filter((x) => !x.lead);
  if (showMisses && misses.length) {
    lines.push(`misses (${misses.length}):`);
    for (const m of misses) {
      const want = m.case.kind ? `out of scope (${m.case.kind})` : (m.case.intent ?? "an answer");
      const why = m.case.kind
        ? ""
        : m.outcome === "answer"
          ? `missing ${m.missingFromLead.join(", ")}${m.missing.length ? "" : " (in the rest)"}`
          : "";
      lines.push(
        `  - ${JSON.stringify(m.case.q.slice(0, 90))} want ${want}; got ${m.outcome} ${m.intent} @${m.confidence.toFixed(2)} ${why}`,
      );
    }
  }
  if (r.sweep.length) {
    lines.push("threshold sweep (answer threshold: in-scope lead / out-of-scope declined):");
    for (const s of r.sweep)
      lines.push(
        `  ${s.threshold.toFixed(2)}  ${(s.inScopeLead * 100).toFixed(1).padStart(5)}%  ${(s.outOfScopeDeclined * 100).toFixed(1).padStart(5)}%`,
      );
  }
  return lines.join("\n");
}

export function formatDialogueReport(name: string, r: DialogueReport, showMisses: boolean): string {
  const lines = [
    `== ${name}: ${r.dialogues.total} conversations, ${r.turns.total} turns`,
    `turns right             ${pct(r.turns.correct, r.turns.total)}`,
    `follow-up turns right   ${pct(r.followUps.correct, r.followUps.total)}`,
    `whole conversations     ${pct(r.dialogues.correct, r.dialogues.total)}`,
    `reply length            p50 ${r.lengths.p50}  p90 ${r.lengths.p90}  max ${r.lengths.max} characters`,
  ];
  const misses = r.results.filter((t) => !t.correct);
  if (showMisses && misses.length) {
    lines.push(`misses (${misses.length}):`);
    for (const m of misses)
      lines.push(
        `  - [${m.dialogue}] ${JSON.stringify(m.q.slice(0, 80))} got ${m.outcome} ${m.intent} ${m.missing.length ? `missing ${m.missing.join(", ")}` : ""}`,
      );
  }
  return lines.join("\n");
}

export interface EvalOptions {
  /** A set's name (dev, holdout, …: the files in tests/eval/) or a path to a .yml file; all sets when absent. */
  set?: string;
  /** List every miss. */
  misses: boolean;
  /** Replay each question at other answer thresholds. */
  sweep?: boolean;
}

/** The labelled sets by name: questions.yml is "dev", every other file is its own name. */
export function evalSets(dir = join(DEFAULT_CONTENT_ROOT, "tests/eval")): Map<string, string> {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".yml")) : [];
  const named = files.map((f) => [f === "questions.yml" ? "dev" : f.slice(0, -".yml".length), join(dir, f)] as const);
  return new Map(named.sort(([a], [b]) => a.localeCompare(b)));
}

export function evalCommand(config: Config, options: EvalOptions): number {
  const named = evalSets();
  let files = [...named.values()];
  if (options.set !== undefined) {
    const file = named.get(options.set) ?? (options.set.endsWith(".yml") ? options.set : undefined);
    if (!file || !existsSync(file)) {
      process.stderr.write(
        `careerfaq eval: no evaluation set "${options.set}"; the sets are ${[...named.keys()].join(", ") || "(none)"}, or give the path of a .yml file\n`,
      );
      return 2;
    }
    files = [file];
  }
  const engine = createEngine(config);
  try {
    for (const file of files) {
      const name = file.replace(/^.*\//, "");
      if (isDialogueSet(file)) {
        const report = evaluateDialogues(
          (text, previous) => engine.converse(typedToPlain(text), previous),
          loadDialogues(file),
        );
        process.stdout.write(`${formatDialogueReport(name, report, options.misses)}\n\n`);
        continue;
      }
      const report = evaluate(asker(engine), loadEvalSet(file), options.sweep === true);
      process.stdout.write(`${formatReport(name, report, options.misses)}\n\n`);
    }
  } catch (err) {
    process.stderr.write(`careerfaq eval: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  return 0;
}
