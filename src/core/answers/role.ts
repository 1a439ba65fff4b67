/** What the role is: each source's definition, the titles it goes by, and what it may cover. */
import { answer, type Composer, heading, joinList, leadOrFocus, sectionBlocks, sourceName } from "./compose.ts";

export const roleOverview: Composer = (input) => {
  const { catalog } = input;
  const { role } = catalog;
  if (input.mode === "lead") return leadOrFocus(role.summary, input);
  const sourced = role.titles.filter((t) => t.sources);
  const informal = role.titles.filter((t) => !t.sources);
  return answer([
    heading(catalog.wording.titles.role),
    {
      type: "bullets",
      items: role.definitions.map((d) => ({
        text: `${sourceName(catalog, d.source)}: ${d.text}`,
        sources: [d.source],
      })),
    },
    {
      type: "text",
      text: `The sources call it ${joinList(sourced.map((t) => t.title))}${
        informal.length
          ? `; people also say ${joinList(
              informal.map((t) => t.title),
              "or",
            )}`
          : ""
      }.`,
      sources: [...new Set(sourced.flatMap((t) => t.sources ?? []))],
    },
    ...sectionBlocks(catalog, role.scope),
  ]);
};
