/**
 * The self-assessment's result: score and band, the areas (skipped ones "not answered"), the
 * biggest gaps with the next steps that fit the answers given, the change since the last attempt.
 */
import { citedSources } from "../answers/compose.ts";
import { askButton } from "../answers/meta.ts";
import type { Catalog } from "../catalog.ts";
import { quizControlPayload } from "../payloads.ts";
import { ACTIONS, type Block, type Reply } from "../types.ts";
import { stepsFor } from "./advice.ts";
import { date, reply } from "./render.ts";
import type { ResultRecord, Scored } from "./scoring.ts";

const NOT_ANSWERED = "not answered";

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `${n}` : "±0";
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/**
 * @param lead said first, e.g. the echo of the last answer ("Recorded: …").
 */
export function resultReply(
  catalog: Catalog,
  scored: Scored,
  previous: ResultRecord | undefined,
  attempt: string,
  owner: string,
  lead?: string,
): Reply {
  const a = catalog.assessment;
  const blocks: Block[] = [
    ...(lead ? [{ type: "text" as const, text: lead }] : []),
    { type: "heading", text: `Your readiness: ${scored.score}/100 · ${scored.band.label}`, level: 1 },
    { type: "text", text: scored.band.summary },
    { type: "heading", text: "By area", level: 2 },
    {
      type: "facts",
      facts: scored.dimensions.map((d) => ({ label: d.label, value: d.answered ? `${d.score}%` : NOT_ANSWERED })),
    },
  ];
  if (scored.notAnswered.length > 0) {
    const questions = scored.notAnswered.map((id) => a.questions.find((q) => q.id === id)!);
    blocks.push({
      type: "text",
      text: `Not answered (skipped), so left out of your score: ${questions.map((q) => `"${q.text}"`).join(", ")}`,
    });
  }
  if (scored.gaps.length > 0) blocks.push(...gapBlocks(catalog, scored));
  if (previous) blocks.push(...changeBlocks(scored, previous));
  const cited = citedSources(catalog, blocks);
  if (cited.length > 0) blocks.push({ type: "sources", sources: cited });
  blocks.push({
    type: "buttons",
    buttons: [
      {
        label: "Retake",
        action: ACTIONS.quizControl,
        value: quizControlPayload.encode({ command: "start", attempt, owner }),
      },
      {
        label: "My history",
        action: ACTIONS.quizControl,
        value: quizControlPayload.encode({ command: "history", attempt, owner }),
      },
    ],
  });
  return reply("assess-result", blocks);
}

/** The biggest gaps: what the sources ask for, and the next steps that fit the answers given. */
function gapBlocks(catalog: Catalog, scored: Scored): Block[] {
  const a = catalog.assessment;
  const blocks: Block[] = [
    {
      type: "heading",
      text: scored.gaps.length === 1 ? "Your biggest gap" : `Your ${scored.gaps.length} biggest gaps`,
      level: 2,
    },
  ];
  const learn = new Set<string>();
  for (const g of scored.gaps) {
    const d = a.dimensions.find((x) => x.id === g.id)!;
    blocks.push({
      type: "text",
      text: `${d.label} (${g.score}%): the sources ask for this: ${lowerFirst(d.requirement.text)}`,
      sources: d.requirement.sources,
    });
    const steps = stepsFor(a, d.id, scored.answers);
    if (steps.length > 0)
      blocks.push({
        type: "bullets",
        items: steps.map((n) => ({ text: `Next step: ${n.text}`, sources: n.sources })),
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
  return blocks;
}

function changeBlocks(scored: Scored, previous: ResultRecord): Block[] {
  return [
    {
      type: "heading",
      text: `Since your last attempt (${date(previous.at)}): ${signed(scored.score - previous.score)} points`,
      level: 2,
    },
    {
      type: "facts",
      facts: scored.dimensions.map((d) => {
        const before = previous.dimensions[d.id];
        const value = !d.answered
          ? NOT_ANSWERED
          : before === undefined
            ? `${d.score}% (no earlier score)`
            : `${before}% → ${d.score}% (${signed(d.score - before)})`;
        return { label: d.label, value };
      }),
    },
  ];
}
