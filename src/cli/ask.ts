/**
 * `careerfaq ask "question"` prints the plain-text answer.
 * `careerfaq ask --json "question"` prints it as one JSON object; `careerfaq ask --json` reads
 * questions line by line from stdin (blank lines skipped) and writes one JSON object per line, in
 * order: question, answered, intent, confidence, text, sources, suggestions, micros.
 * A line may also be JSON, {"q": "…", "conversation": "id"}: lines with the same id are one
 * conversation, asked in order with its context ("and in Canada?"), and the output echoes the id.
 * Plain-text lines stay independent.
 */
import { createInterface } from "node:readline";
import { z } from "zod";
import { createEngine } from "../app.ts";
import { typedToPlain } from "../channels/typed.ts";
import type { Config } from "../config.ts";
import type { ConversationState } from "../core/conversation.ts";
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
  const { reply, routing } = engine.ask(typedToPlain(question));
  return answerJson(question, reply, routing.intent, Number(process.hrtime.bigint() - start) / 1000);
}

function answerJson(question: string, reply: Reply, routed: string | null, micros: number): JsonAnswer {
  return {
    question,
    answered: reply.outcome === "answer",
    intent: reply.outcome === "answer" ? reply.intent : (routed ?? null),
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

export interface AskOptions {
  json: boolean;
  /** The question given on the command line ("" when none). */
  question: string;
}

export async function askCommand(config: Config, { json, question }: AskOptions): Promise<number> {
  if (!question && !json) {
    process.stderr.write(
      'careerfaq ask: give a question, e.g. careerfaq ask "what does a customer care director earn in the UK?"\n',
    );
    return 2;
  }
  const engine = createEngine(config);
  if (!json) {
    process.stdout.write(`${renderText(engine.ask(typedToPlain(question)).reply)}\n`);
    return 0;
  }
  if (question) {
    process.stdout.write(`${JSON.stringify(toJson(engine, question))}\n`);
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const conversations = new Map<string, ConversationState | null>();
  for await (const line of lines) {
    if (line.trim() === "") continue;
    const turn = conversationLine(line);
    if (!turn) {
      process.stdout.write(`${JSON.stringify(toJson(engine, line))}\n`);
      continue;
    }
    const start = process.hrtime.bigint();
    const said = engine.converse(typedToPlain(turn.q), conversations.get(turn.conversation) ?? null);
    conversations.set(turn.conversation, said.state);
    const micros = Number(process.hrtime.bigint() - start) / 1000;
    const out = { ...answerJson(turn.q, said.reply, said.routing.intent, micros), conversation: turn.conversation };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return 0;
}

const ConversationLine = z.object({ q: z.string(), conversation: z.string().min(1).max(200) });

/** A JSON line {"q", "conversation"}, or null for a plain-text question. */
function conversationLine(line: string): z.infer<typeof ConversationLine> | null {
  if (!line.trimStart().startsWith("{")) return null;
  try {
    const parsed = ConversationLine.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
