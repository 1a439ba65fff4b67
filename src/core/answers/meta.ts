/** Conversation answers: hello, thanks, help, the topics menu, the self-assessment pointer, and the sources. */
import type { Catalog } from "../catalog.ts";
import { ACTIONS, type Block, type Button } from "../types.ts";
import { answer, type Composer, chat, describeSource, fact, heading, joinList, leadFromFacts } from "./compose.ts";
import { fill } from "./wording.ts";

/** Intents offered as example questions in greetings and help. */
const EXAMPLES = ["salary", "experience", "skills", "manager-vs-director"];

export function askButton(catalog: Catalog, intentId: string, value = intentId): Button {
  return { label: catalog.intentById.get(intentId)?.question ?? intentId, action: ACTIONS.ask, value };
}

function exampleButtons(catalog: Catalog, ids = EXAMPLES): Block {
  return {
    type: "buttons",
    title: "Try asking",
    buttons: ids.filter((id) => catalog.intentById.has(id)).map((id) => askButton(catalog, id)),
  };
}

export const greeting: Composer = ({ catalog }) => {
  const words = catalog.wording.meta;
  return chat([
    heading(words.greetingTitle),
    { type: "text", text: fill(words.greeting, { about: words.about }) },
    exampleButtons(catalog),
  ]);
};

export const thanks: Composer = ({ catalog }) => chat([{ type: "text", text: catalog.wording.meta.thanks }]);

export const help: Composer = ({ catalog }) => {
  const words = catalog.wording.meta;
  return answer([
    heading(words.helpTitle),
    { type: "text", text: words.about },
    { type: "bullets", items: words.helpTips.map((text) => ({ text })) },
    exampleButtons(catalog),
  ]);
};

export const topics: Composer = ({ catalog }) =>
  answer([
    heading(catalog.wording.meta.topicsTitle),
    { type: "text", text: fill(catalog.wording.meta.topicsLead, { summary: catalog.menu.summary }) },
    ...catalog.menu.groups.map(
      (g): Block => ({ type: "buttons", title: g.title, buttons: g.intents.map((id) => askButton(catalog, id)) }),
    ),
  ]);

export const assess: Composer = ({ catalog }) =>
  answer([
    heading(catalog.wording.meta.assessTitle),
    { type: "text", text: fill(catalog.wording.meta.assess, { questions: catalog.assessment.questions.length }) },
    exampleButtons(catalog, ["experience", "education", "skills"]),
  ]);

export const sources: Composer = ({ catalog, mode, focus, form }) => {
  if (mode === "lead") {
    if (focus.length > 0) return answer(leadFromFacts(catalog, focus, form));
    const names = [...catalog.sources.values()].map((s) => s.short);
    return answer([
      {
        type: "text",
        text: fill(catalog.wording.meta.sourcesLead, { count: catalog.sources.size, names: joinList(names) }),
        sources: [...catalog.sources.keys()],
      },
    ]);
  }
  return answer([
    heading(catalog.wording.meta.sourcesTitle),
    { type: "text", text: fill(catalog.wording.meta.sourcesPage, { count: catalog.sources.size }) },
    {
      type: "facts",
      facts: [...catalog.sources.values()].map((s) =>
        fact(s.short, `${describeSource(s)}${s.note ? `; ${s.note}` : ""}`, [s.id]),
      ),
    },
  ]);
};
