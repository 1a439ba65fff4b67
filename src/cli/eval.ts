/** `careerfaq eval`: in-scope accuracy, out-of-scope rejection, misses and the threshold sweep. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { createEngine } from "../app.ts";
import type { Config } from "../config.ts";
import { DEFAULT_CONTENT_ROOT } from "../content/load.ts";
import { type EvalReport, evaluate, loadEvalSet } from "../eval/evaluate.ts";

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

export function formatReport(name: string, r: EvalReport, showMisses: boolean): string {
  const lines: string[] = [];
  lines.push(`== ${name}: ${r.inScope.total + r.outOfScope.total} questions`);
  lines.push(
    `in-scope accuracy     ${pct(r.inScope.correct / r.inScope.total)}  (${r.inScope.correct}/${r.inScope.total} answered with every expected fact; ${r.inScope.answered} answered; intent agrees with the label on ${r.inScope.intentAgreement})`,
  );
  lines.push(
    `out-of-scope rejected ${pct(r.outOfScope.rejected / r.outOfScope.total)}  (${r.outOfScope.rejected}/${r.outOfScope.total}: ${Object.entries(
      r.outOfScope.byKind,
    )
      .map(([k, v]) => `${k} ${v.rejected}/${v.total}`)
      .join(", ")})`,
  );
  const misses = r.results.filter((x) => !x.correct);
  if (showMisses && misses.length) {
    lines.push(`misses (${misses.length}):`);
    for (const m of misses) {
      const want = m.case.intent ?? `out of scope (${m.case.kind})`;
      const why = m.case.intent && m.outcome === "answer" ? `missing ${m.missing.join(", ")}` : "";
      lines.push(
        `  - ${JSON.stringify(m.case.q.slice(0, 90))} want ${want}; got ${m.outcome} ${m.intent ?? ""} @${m.confidence.toFixed(2)} ${why}`,
      );
    }
  }
  lines.push(
    "threshold sweep (answer threshold: in-scope answered / in-scope accuracy / precision of answers / out-of-scope rejected):",
  );
  for (const s of r.sweep) {
    lines.push(
      `  ${s.threshold.toFixed(2)}  ${pct(s.inScopeAnswered).padStart(6)}  ${pct(s.inScopeAccuracy).padStart(6)}  ${pct(s.precision).padStart(6)}  ${pct(s.outOfScopeRejected).padStart(6)}`,
    );
  }
  return lines.join("\n");
}

export function evalCommand(config: Config, args: string[]): number {
  const engine = createEngine(config);
  const dir = join(DEFAULT_CONTENT_ROOT, "tests/eval");
  const i = args.indexOf("--set");
  const chosen = i >= 0 ? args[i + 1] : undefined;
  const files = chosen
    ? [chosen.endsWith(".yml") ? chosen : join(dir, chosen === "dev" ? "questions.yml" : `${chosen}.yml`)]
    : readdirSync(dir)
        .filter((f) => f.endsWith(".yml"))
        .sort()
        .map((f) => join(dir, f));
  const showMisses = args.includes("--misses") || !args.includes("--quiet");
  for (const file of files) {
    process.stdout.write(
      `${formatReport(file.replace(/^.*\//, ""), evaluate(engine, loadEvalSet(file)), showMisses)}\n\n`,
    );
  }
  return 0;
}
