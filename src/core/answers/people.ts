/** Zippia's scores for the job and the make-up of the people in it (US data). */

import type { Catalog } from "../catalog.ts";
import type { RatingAspect } from "../model/common.ts";
import type { RatingsFile } from "../model/figures.ts";
import type { Block, Fact, Slots } from "../types.ts";
import {
  answer,
  type Composer,
  fact,
  heading,
  joinList,
  leadFromFacts,
  percent,
  score,
  sourceName,
} from "./compose.ts";
import { unsupportedCountry } from "./coverage.ts";
import { fill } from "./wording.ts";

const ASPECT_LABEL: Record<RatingAspect, string> = {
  salary: "Salary",
  stability: "Stability",
  stress: "Stress level",
  complexity: "Complexity",
  "work-life": "Work-life balance",
  diversity: "Diversity",
};

function asksOtherCountry(slots: Slots, covered: string): boolean {
  return slots.country !== undefined && slots.country !== covered && !slots.askersCountry;
}

/** "stress 8.0 out of 10 (high; above the US average of 7.1)". */
function ratingPhrase(r: RatingsFile["ratings"][number], scale: string): string {
  const word = r.label ? ` (${r.label}` : "";
  const avg = r.usAverage?.score;
  const side = avg === undefined ? "" : r.score > avg ? "above" : r.score < avg ? "below" : "level with";
  const us = avg !== undefined ? `${word ? "; " : " ("}${side} the US average of ${score(avg)}` : "";
  const close = word || us ? ")" : "";
  return `${score(r.score)} ${scale}${word}${us}${close}`;
}

function ratingsLead(catalog: Catalog, aspects: readonly RatingAspect[]): Block[] {
  const file = catalog.ratings;
  const asked = file.ratings.filter((r) => aspects.includes(r.aspect));
  const shown = asked.length > 0 ? asked : file.ratings;
  const source = sourceName(catalog, shown[0]!.source);
  const words = catalog.wording.sources;
  if (shown.length <= 2)
    return [
      {
        type: "text",
        text: fill(words.scores, {
          source,
          scores: joinList(
            shown.map((r) => `${ASPECT_LABEL[r.aspect].toLowerCase()} at ${ratingPhrase(r, file.scale)}`),
          ),
        }),
        sources: [shown[0]!.source],
      },
    ];
  return [
    { type: "text", text: fill(words.scoresTable, { source, scale: file.scale }), sources: [shown[0]!.source] },
    {
      type: "table",
      columns: ["Aspect", "Score", "US average"],
      rows: shown.map((r) => ({
        cells: [
          ASPECT_LABEL[r.aspect],
          `${score(r.score)}${r.label ? ` (${r.label})` : ""}`,
          r.usAverage ? score(r.usAverage.score) : "-",
        ],
        sources: [r.source],
      })),
    },
  ];
}

export const ratings: Composer = ({ catalog, slots, mode, focus, terms }) => {
  const file = catalog.ratings;
  if (asksOtherCountry(slots, file.country))
    return unsupportedCountry(catalog, slots, "job ratings", [file.country], "ratings");
  if (mode === "lead") {
    // "scores for salary, stability and stress": among other aspects, "salary" names the salary score.
    const pay: RatingAspect[] = slots.aspects && terms.has("salary") ? ["salary"] : [];
    const named = [...pay, ...(slots.aspects ?? (slots.aspect ? [slots.aspect] : []))];
    const matched = focus.flatMap((f) => (f.id.startsWith("ratings/") ? [f.id.slice(8) as RatingAspect] : []));
    const aspects = [...new Set([...named, ...matched])];
    return answer(ratingsLead(catalog, aspects));
  }
  const ordered = [...file.ratings].sort(
    (a, b) => Number(b.aspect === slots.aspect) - Number(a.aspect === slots.aspect),
  );
  const facts: Fact[] = ordered.map((r) => {
    const word = r.label ? ` (${r.label})` : "";
    const us = r.usAverage
      ? `; US average ${score(r.usAverage.score)}${r.usAverage.label ? ` (${r.usAverage.label})` : ""}`
      : "";
    return fact(ASPECT_LABEL[r.aspect], `${score(r.score)} ${file.scale}${word}${us}`, [r.source]);
  });
  const blocks: Block[] = [
    heading(
      slots.aspect
        ? fill(catalog.wording.titles.ratingsAspect, { aspect: ASPECT_LABEL[slots.aspect] })
        : catalog.wording.titles.ratings,
    ),
  ];
  const asked = file.ratings.find((r) => r.aspect === slots.aspect);
  if (asked) {
    const us = asked.usAverage ? `, against a US average of ${score(asked.usAverage.score)}` : "";
    blocks.push({
      type: "text",
      text: fill(catalog.wording.sources.scores, {
        source: sourceName(catalog, asked.source),
        scores: `${ASPECT_LABEL[asked.aspect].toLowerCase()} at ${score(asked.score)} ${file.scale}${asked.label ? ` (${asked.label})` : ""}${us}`,
      }),
      sources: [asked.source],
    });
  }
  blocks.push({ type: "facts", facts });
  if (file.note) blocks.push({ type: "text", text: file.note.text, sources: file.note.sources });
  return answer(blocks);
};

export const demographics: Composer = ({ catalog, slots, mode, focus, form, terms }) => {
  const d = catalog.demographics;
  if (asksOtherCountry(slots, d.country))
    return unsupportedCountry(catalog, slots, "workforce figures", [d.country], "demographics");
  if (mode === "lead") {
    const asked = (["gender", "race", "age"] as const).filter(
      (t) => terms.has(t) || (t === "race" && terms.has("diversity")),
    );
    const facts = asked.length > 0 ? asked.map((t) => demographicFact(catalog, t)) : focus.slice(0, 2);
    if (facts.length > 0) return answer(leadFromFacts(catalog, facts, form));
    const women = d.gender.find((g) => g.category === "female");
    const men = d.gender.find((g) => g.category === "male");
    const largest = [...d.race].sort((a, b) => b.percent - a.percent)[0];
    return answer([
      {
        type: "text",
        text: fill(catalog.wording.sources.workforceLead, {
          source: sourceName(catalog, d.source),
          age: d.averageAge,
          men: percent(men?.percent ?? 0),
          women: percent(women?.percent ?? 0),
          largest: String(largest?.category),
          largestShare: percent(largest?.percent ?? 0),
        }),
        sources: [d.source],
      },
    ]);
  }
  const share = (rows: typeof d.gender): Fact[] =>
    rows.map((r) =>
      fact(
        r.category[0]!.toUpperCase() + r.category.slice(1),
        `${percent(r.percent)}${r.usAverage !== undefined ? ` (US average ${percent(r.usAverage)})` : ""}`,
        [d.source],
      ),
    );
  return answer([
    heading(catalog.wording.titles.demographics),
    {
      type: "text",
      text: fill(catalog.wording.sources.workforcePage, ageValues(catalog)),
      sources: [d.source],
    },
    heading(catalog.wording.titles.gender, 2),
    { type: "facts", facts: share(d.gender) },
    heading(catalog.wording.titles.race, 2),
    { type: "facts", facts: share([...d.race].sort((a, b) => b.percent - a.percent)) },
  ]);
};

/** One line of the workforce figures: gender shares, race shares (largest first) or age, each against the US average. */
function demographicFact(catalog: Catalog, aspect: "gender" | "race" | "age"): { text: string; sources: string[] } {
  const d = catalog.demographics;
  const source = sourceName(catalog, d.source);
  const share = (r: (typeof d.gender)[number]) =>
    `${r.category} ${percent(r.percent)}${r.usAverage !== undefined ? ` (US average ${percent(r.usAverage)})` : ""}`;
  if (aspect === "age")
    return { text: fill(catalog.wording.sources.workforceAge, ageValues(catalog)), sources: [d.source] };
  const rows = aspect === "gender" ? d.gender : [...d.race].sort((a, b) => b.percent - a.percent);
  const text = fill(catalog.wording.sources.workforceShares, { source, aspect, shares: joinList(rows.map(share)) });
  return { text, sources: [d.source] };
}

/** The average age, against the US average when the source gives it. */
function ageValues(catalog: Catalog): Record<string, string | number> {
  const d = catalog.demographics;
  // The same figure on both sides says so ("48, the same as the US average"), so "are they older?" is answered.
  const words =
    d.usAverageAge === d.averageAge ? catalog.wording.sources.sameAsUsAge : catalog.wording.sources.usAverageAge;
  const usAge = d.usAverageAge ? ` ${fill(words, { age: d.usAverageAge })}` : "";
  return { source: sourceName(catalog, d.source), age: d.averageAge, usAge };
}
