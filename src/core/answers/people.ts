/** Zippia's scores for the job and the make-up of the people in it (US data). */
import type { RatingAspect } from "../../content/schemas.ts";
import type { Block, Fact } from "../types.ts";
import { answer, type Composer, fact, heading, percent, score, sourceName } from "./compose.ts";
import { unsupportedCountry } from "./coverage.ts";

const ASPECT_LABEL: Record<RatingAspect, string> = {
  salary: "Salary",
  stability: "Stability",
  stress: "Stress level",
  complexity: "Complexity",
  "work-life": "Work-life balance",
  diversity: "Diversity",
};

function asksOtherCountry(country: string | undefined, covered: string): boolean {
  return country !== undefined && country !== covered;
}

export const ratings: Composer = ({ catalog, slots }) => {
  const file = catalog.ratings;
  if (asksOtherCountry(slots.country, file.country))
    return unsupportedCountry(catalog, slots, "job ratings", [file.country], "ratings");
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
    heading(slots.aspect ? `${ASPECT_LABEL[slots.aspect]} as a Customer Care Director` : "How the job rates"),
  ];
  const asked = file.ratings.find((r) => r.aspect === slots.aspect);
  if (asked) {
    const us = asked.usAverage ? `, against a US average of ${score(asked.usAverage.score)}` : "";
    blocks.push({
      type: "text",
      text: `${sourceName(catalog, asked.source)} scores ${ASPECT_LABEL[asked.aspect].toLowerCase()} at ${score(asked.score)} ${file.scale}${asked.label ? ` (${asked.label})` : ""}${us}.`,
      sources: [asked.source],
    });
  }
  blocks.push({ type: "facts", facts });
  if (file.note) blocks.push({ type: "text", text: file.note.text, sources: file.note.sources });
  return answer(blocks);
};

export const demographics: Composer = ({ catalog, slots }) => {
  const d = catalog.demographics;
  if (asksOtherCountry(slots.country, d.country))
    return unsupportedCountry(catalog, slots, "workforce figures", [d.country], "demographics");
  const share = (rows: typeof d.gender): Fact[] =>
    rows.map((r) =>
      fact(
        r.category[0]!.toUpperCase() + r.category.slice(1),
        `${percent(r.percent)}${r.usAverage !== undefined ? ` (US average ${percent(r.usAverage)})` : ""}`,
        [d.source],
      ),
    );
  return answer([
    heading("Who works as a director of customer care (US)"),
    {
      type: "text",
      text: `${sourceName(catalog, d.source)}'s figures for the US: the average age is ${d.averageAge}${d.usAverageAge ? ` (US average ${d.usAverageAge})` : ""}.`,
      sources: [d.source],
    },
    heading("Gender", 2),
    { type: "facts", facts: share(d.gender) },
    heading("Race and ethnicity", 2),
    { type: "facts", facts: share([...d.race].sort((a, b) => b.percent - a.percent)) },
  ]);
};
