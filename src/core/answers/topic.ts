/** The generic composer for data files that share the topic shape (duties, KPIs, trade-offs, ...). */
import type { TopicFileId } from "../catalog.ts";
import { answer, type Composer, leadOrFocus, topicBlocks } from "./compose.ts";

export function topicComposer(id: TopicFileId): Composer {
  return (input) => {
    const topic = input.catalog.topics[id];
    return input.mode === "page" ? answer(topicBlocks(topic)) : leadOrFocus(topic.summary, input);
  };
}
