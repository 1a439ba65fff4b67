/**
 * `careerfaq ask "question"` prints the plain-text answer.
 * `careerfaq ask --json` reads questions line by line from stdin and writes one JSON object per
 * line, in order: question, answered, intent, confidence, text, sources, suggestions, micros.
 */
import { createInterface } from "node:readline";
import type { Engine } from "../core/engine.ts";
import { renderText } from "../core/render-text.ts";
import type { Reply } from "../core/types.ts";

export interface JsonAnswer {
  question: string;
  answered: boolean;
  intent: string | null;
  confidence: number;
  text: string;
  sources: string[];
  suggestions: string[];
  micros: number;
}

export function toJson(engine: Engine, question: string): JsonAnswer {
  const start = process.hrtime.bigint();
  const { reply, routing } = engine.ask(question);
  const micros = Number(process.hrtime.bigint() - start) / 1000;
  return {
    question,
    answered: reply.outcome === "answer",
    intent: reply.outcome === "answer" ? reply.intent : (routing.intent ?? null),
    confidence: Math.round(reply.confidence * 1000) / 1000,
    text: renderText(reply),
    sources: sourcesOf(reply),
    suggestions: suggestionsOf(reply),
    micros: Math.round(micros * 10) / 10,
  };
}

function sourcesOf(reply: Reply): string[] {
  return reply.blocks.flatMap((b) => (b.type === "sources" ? b.sources.map((s) => s.id) : []));
}

function suggestionsOf(reply: Reply): string[] {
  return reply.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons.map((x) => x.label) : []));
}

export async function askCommand(engine: Engine, args: string[]): Promise<number> {
  if (args[0] === "--json") {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      process.stdout.write(`${JSON.stringify(toJson(engine, line))}\n`);
    }
    return 0;
  }
  const question = args.join(" ").trim();
  if (!question) {
    process.stderr.write(
      'careerfaq ask: give a question, e.g. careerfaq ask "what does a customer care director earn in the UK?"\n',
    );
    return 2;
  }
  process.stdout.write(`${renderText(engine.ask(question).reply)}\n`);
  return 0;
}
