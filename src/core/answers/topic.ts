/** The generic composer for data files that share the topic shape (duties, KPIs, trade-offs, ...). */
import type { TopicFileId } from "../catalog.ts";
import { answer, type Composer, topicBlocks } from "./compose.ts";

export function topicComposer(id: TopicFileId): Composer {
  return ({ catalog }) => answer(topicBlocks(catalog.topics[id]));
}
