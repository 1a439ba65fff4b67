/**
 * A new topic needs no code: a data file with the topic shape and an intent that names it are
 * found, validated, indexed and answered, with the composers and the code exactly as shipped.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { DEFAULT_CONTENT_ROOT, loadCatalog } from "../../src/content/load.ts";
import { Answerer } from "../../src/core/answerer.ts";
import { COMPOSER_IDS } from "../../src/core/answers/registry.ts";
import { Engine } from "../../src/core/engine.ts";
import { ContentError } from "../../src/core/errors.ts";
import { renderText } from "../../src/core/render-text.ts";
import { MemoryStore } from "../../src/stores/memory.ts";

const root = mkdtempSync(join(tmpdir(), "careerfaq-topic-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TOPIC = {
  title: "Taking over from a predecessor",
  summary: [
    {
      text: "A director taking over from a predecessor spends the handover weeks listening to agents and reading escalations.",
      sources: ["tradeoffs-guide"],
    },
  ],
  sections: [
    {
      id: "first-weeks",
      title: "The first weeks",
      sources: ["tradeoffs-guide"],
      items: [{ text: "Sit with front-line agents before changing any process." }],
    },
  ],
};

const INTENT = {
  id: "handover",
  question: "How should a director handle the handover?",
  description: "The user asks how a director takes over from a predecessor.",
  answer: "handover",
  keywords: { handover: 5, predecessor: 5 },
  examples: [
    "handover from the previous director",
    "how to take over from a predecessor",
    "what should a handover include",
    "handover checklist for a new director",
    "my predecessor leaves next week, what do I ask",
    "handover tips",
    "how long should a handover take",
    "taking over from my predecessor",
    "handover plan for customer care directors",
    "what to learn from a predecessor",
  ],
};

/** The shipped content, plus one topic file and its intent that no code knows about. */
function contentWithNewTopic(topic: unknown = TOPIC): string {
  const dir = mkdtempSync(join(root, "content-"));
  cpSync(join(DEFAULT_CONTENT_ROOT, "data"), join(dir, "data"), { recursive: true });
  cpSync(join(DEFAULT_CONTENT_ROOT, "intents"), join(dir, "intents"), { recursive: true });
  writeFileSync(join(dir, "data/handover.yml"), YAML.stringify(topic));
  writeFileSync(join(dir, "intents/handover.yml"), YAML.stringify(INTENT));
  return dir;
}

describe("a new topic file", () => {
  const catalog = loadCatalog({ root: contentWithNewTopic(), composers: COMPOSER_IDS, snapshot: false });

  it("is discovered in file-name order beside the shipped topic files", () => {
    const names = [...catalog.topics.keys()];
    expect(names).toContain("handover");
    expect(names).toContain("kpis");
    expect(names).toEqual([...names].sort());
    expect(catalog.topics.has("salary")).toBe(false); // a file with a shape of its own is not a topic
  });

  it("answers a question with its intent", () => {
    const { reply } = new Engine(catalog, { store: new MemoryStore() }).ask(
      "how do I handle the handover from my predecessor?",
    );
    expect(reply.outcome).toBe("answer");
    expect(reply.intent).toBe("handover");
    expect(renderText(reply)).toContain("listening to agents and reading escalations");
  });

  it("opens as a whole page", () => {
    const text = renderText(new Answerer(catalog).compose("handover", {}, { mode: "page" }));
    expect(text).toContain("Taking over from a predecessor");
    expect(text).toContain("Sit with front-line agents before changing any process.");
  });

  it("is validated like every topic file", () => {
    const broken = contentWithNewTopic({ title: "No summary" });
    try {
      loadCatalog({ root: broken, composers: COMPOSER_IDS, snapshot: false });
      expect.unreachable("the topic file has no summary");
    } catch (err) {
      expect(err).toBeInstanceOf(ContentError);
      expect((err as ContentError).problems.some((p) => p.startsWith("data/handover.yml: summary: "))).toBe(true);
    }
  });
});
