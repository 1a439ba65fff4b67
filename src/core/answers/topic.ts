/** The generic composer for data files that share the topic shape (duties, KPIs, trade-offs, ...). */
import type { TopicFileId } from "../catalog.ts";
import { answer, topicBlocks, type Composer } from "./compose.ts";

export function topicComposer(id: TopicFileId): Composer {
  return ({ catalog }) => answer(topicBlocks(catalog.topics[id]));
}
