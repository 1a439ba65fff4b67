/** Skills: the resume shares (the only figures) first, then each source's list. */
import { answer, type Composer, fact, heading, leadOrFocus, percent, sectionBlocks, sourceName } from "./compose.ts";
import { fill } from "./wording.ts";

export const skills: Composer = (input) => {
  const { catalog } = input;
  const { resumeShares, sections } = catalog.skills;
  if (input.mode === "lead") return leadOrFocus(catalog.skills.summary, input);
  return answer([
    heading(catalog.wording.titles.skills),
    {
      type: "text",
      text: fill(catalog.wording.sources.resumeShares, { source: sourceName(catalog, resumeShares.source) }),
      sources: [resumeShares.source],
    },
    {
      type: "facts",
      facts: resumeShares.skills.map((s) => fact(s.category, percent(s.percent), [resumeShares.source])),
    },
    ...sections.flatMap((s) => sectionBlocks(catalog, s)),
  ]);
};
