/**
 * The generic composer for data files that share the topic shape (duties, KPIs, trade-offs, ...): an
 * intent whose `answer` names a topic file (data/<answer>.yml) is answered from that file.
 */
import type { Catalog } from "../catalog.ts";
import { answer, type Composer, leadOrFocus, topicBlocks } from "./compose.ts";

export const topic: Composer = (input) => {
  const file = input.catalog.topics.get(input.intent.answer)!;
  return input.mode === "page" ? answer(topicBlocks(input.catalog, file)) : leadOrFocus(file.summary, input);
};

/** Whether an intent's `answer` names a topic file. */
export function isTopic(catalog: Catalog, answerId: string): boolean {
  return catalog.topics.has(answerId);
}
