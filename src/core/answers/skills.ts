/** Skills: the resume shares (the only figures) first, then each source's list. */
import { answer, type Composer, fact, heading, leadOrFocus, percent, sectionBlocks, sourceName } from "./compose.ts";

export const skills: Composer = (input) => {
  const { catalog } = input;
  const { resumeShares, sections } = catalog.skills;
  if (input.mode === "lead") return leadOrFocus(catalog.skills.summary, input);
  return answer([
    heading(catalog.wording.titles.skills),
    {
      type: "text",
      text: `Skills most often on directors' resumes, with the share of resumes that list each (${sourceName(catalog, resumeShares.source)}):`,
      sources: [resumeShares.source],
    },
    {
      type: "facts",
      facts: resumeShares.skills.map((s) => fact(s.category, percent(s.percent), [resumeShares.source])),
    },
    ...sections.flatMap((s) => sectionBlocks(catalog, s)),
  ]);
};
