/** `careerfaq explain "question"`: how the router reads a message — for whoever maintains the content. */
import { createEngine } from "../app.ts";
import { typedToPlain } from "../channels/typed.ts";
import type { Config } from "../config.ts";
import type { Engine } from "../core/engine.ts";

export async function explainCommand(config: Config, question: string): Promise<number> {
  process.stdout.write(`${explain(createEngine(config), question)}\n`);
  return 0;
}

export function explain(engine: Engine, question: string): string {
  const { routing: r, weights } = engine.explain(typedToPlain(question));
  const a = r.analysis;
  const lines = [
    `normalised:  ${a.normalized}`,
    `terms:       ${[...a.terms].join(", ") || "(none)"}`,
    `signals:     role ${a.roleMentioned ? "yes" : "no"}; content words ${a.content}, known ${a.known}, corrected ${a.corrected}${a.unknownWords.length ? `, unknown: ${a.unknownWords.join(" ")}` : ""}${a.otherRoles.length ? `; other roles: ${a.otherRoles.join(", ")}` : ""}${a.relatedRoles.length ? `; related roles: ${a.relatedRoles.join(", ")}` : ""}${a.offTopic.length ? `; off-topic: ${a.offTopic.join(", ")}` : ""}${a.injection ? "; injection" : ""}`,
    `slots:       ${JSON.stringify(r.slots)}`,
    `candidates:  ${r.candidates.map((c) => `${c.intent} ${c.score.toFixed(2)}`).join(" | ") || "(none)"}`,
    `decision:    ${r.outcome}${r.intent ? ` ${r.intent}` : ""}${r.declineReason ? ` (${r.declineReason})` : ""} @ confidence ${r.confidence.toFixed(3)}`,
  ];
  const top = r.candidates[0];
  if (top) {
    lines.push(`why ${top.intent}: ${weights.map((w) => `${w.term}=${w.weight.toFixed(2)}`).join(", ")}`);
  }
  return lines.join("\n");
}
