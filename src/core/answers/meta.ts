/** Conversation answers: hello, thanks, help, the topics menu, the self-assessment pointer, and the sources. */
import type { Catalog } from "../catalog.ts";
import { ACTIONS, type Block, type Button } from "../types.ts";
import { answer, type Composer, describeSource, fact, heading, joinList, leadFromFacts } from "./compose.ts";

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

const ABOUT =
  "I answer questions about the Customer Care / Customer Service Director role: what it is, what it pays (by country, level and source), how to get there, the skills and KPIs that matter, its trade-offs and common mistakes, and its outlook.";

export const greeting: Composer = ({ catalog }) =>
  answer([
    heading("Hi! I'm careerfaq."),
    { type: "text", text: `${ABOUT} Every answer cites its sources.` },
    exampleButtons(catalog),
  ]);

export const thanks: Composer = () =>
  answer([
    {
      type: "text",
      text: "You're welcome. Ask me anything else about the Customer Care Director role whenever you like.",
    },
  ]);

export const help: Composer = ({ catalog }) =>
  answer([
    heading("What I can do"),
    { type: "text", text: ABOUT },
    {
      type: "bullets",
      items: [
        { text: 'Ask in your own words, e.g. "salary uk", "how long until I\'m a director?", "manager vs director".' },
        { text: "Every answer names its sources; where they disagree I show each figure side by side." },
        {
          text: "If I don't know something (another job, another country, anything off-topic) I say so instead of guessing.",
        },
        { text: 'Type "topics" for the list of subjects, or "assess" for the readiness self-assessment.' },
      ],
    },
    exampleButtons(catalog),
  ]);

export const topics: Composer = ({ catalog }) =>
  answer([
    heading("Topics"),
    { type: "text", text: `${catalog.menu.summary} Pick a question, or just type your own.` },
    ...catalog.menu.groups.map(
      (g): Block => ({ type: "buttons", title: g.title, buttons: g.intents.map((id) => askButton(catalog, id)) }),
    ),
  ]);

export const assess: Composer = ({ catalog }) =>
  answer([
    heading("Readiness self-assessment"),
    {
      type: "text",
      text: `The self-assessment runs privately in a direct message with me: ${catalog.assessment.questions.length} questions on your experience, education and skills, then a readiness score out of 100 with your biggest gaps and next steps. Type "assess" in a direct message to start; "history" shows your past results.`,
    },
    exampleButtons(catalog, ["experience", "education", "skills"]),
  ]);

export const sources: Composer = ({ catalog, mode, focus, form }) => {
  if (mode === "lead") {
    if (focus.length > 0) return answer(leadFromFacts(focus, form));
    const names = [...catalog.sources.values()].map((s) => s.short);
    return answer([
      {
        type: "text",
        text: `My answers come from ${catalog.sources.size} published documents: ${joinList(names)}. Every answer cites the ones it uses, and shows each view where they disagree.`,
        sources: [...catalog.sources.keys()],
      },
    ]);
  }
  return answer([
    heading("Where my answers come from"),
    {
      type: "text",
      text: `Every fact comes from these ${catalog.sources.size} documents, rewritten in our own words and cited in each answer. Where they disagree I show each view.`,
    },
    {
      type: "facts",
      facts: [...catalog.sources.values()].map((s) =>
        fact(s.short, `${describeSource(s)}${s.note ? `; ${s.note}` : ""}`, [s.id]),
      ),
    },
  ]);
};
