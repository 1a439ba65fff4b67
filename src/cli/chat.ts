/**
 * `careerfaq chat`: an interactive session on the same engine. Buttons are shown numbered; typing
 * the number clicks it.
 */
import { createInterface } from "node:readline";
import { createEngine } from "../app.ts";
import { typedToPlain } from "../channels/typed.ts";
import type { Config } from "../config.ts";
import type { Engine } from "../core/engine.ts";
import { voteValue } from "../core/payloads.ts";
import { renderText } from "../core/render-text.ts";
import { ACTIONS, type Button, type Inbound, type Reply } from "../core/types.ts";
import { createLogger } from "../log.ts";
import { openStore } from "../stores/open.ts";

/** `careerfaq chat` and `careerfaq assess`: the session on the configured store (quizzes are kept). */
export async function chatSession(config: Config, first?: string): Promise<number> {
  const log = createLogger({ level: config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL });
  const store = await openStore(config, log);
  try {
    return await chatCommand(createEngine(config, { store }), first);
  } finally {
    await store.close();
  }
}

export function renderChat(reply: Reply): { text: string; buttons: Button[]; feedback?: string } {
  const buttons = reply.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons : []));
  let text = renderText(reply, { buttons: false });
  // Buttons are numbered for typing; a label that already starts with its number is not numbered twice.
  if (buttons.length > 0)
    text += `\n\n${buttons.map((b, i) => `  ${i + 1}) ${b.label.startsWith(`${i + 1}. `) ? b.label.slice(`${i + 1}. `.length) : b.label}`).join("\n")}`;
  const feedback = reply.blocks.find((b): b is Extract<typeof b, { type: "feedback" }> => b.type === "feedback")?.value;
  if (feedback) text += `\n\nWas this helpful? Type + or - (or just ask something else).`;
  return feedback ? { text, buttons, feedback } : { text, buttons };
}

export async function chatCommand(engine: Engine, first?: string): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
  const say = (s: string) => process.stdout.write(`${s}\n\n`);
  const prompt = () => process.stdout.write("you> ");
  say(
    'careerfaq — ask about the Customer Care / Customer Service Director role. Type "help", "topics", or "quit" to leave.',
  );
  let buttons: Button[] = [];
  let feedback: string | undefined;
  // Each session is its own conversation (follow-ups read against this session only); the
  // self-assessment belongs to the user, so it resumes across sessions.
  const conversation = `cli:local:${Date.now().toString(36)}`;
  const base = { channel: "cli", conversation, user: "cli:local", direct: true } as const;
  const show = async (inbound: Inbound) => {
    for (const { reply } of await engine.handle(inbound)) {
      const shown = renderChat(reply);
      buttons = shown.buttons;
      feedback = shown.feedback ?? (reply.intent === "feedback" ? undefined : feedback);
      say(`\n${shown.text}`);
    }
  };
  if (first) await show({ ...base, text: typedToPlain(first) });
  prompt();
  // Reading lines as a stream (not rl.question) keeps piped input working: no line is dropped.
  for await (const raw of rl) {
    const line = raw.trim();
    if (/^(quit|exit|:q)$/i.test(line)) break;
    if (line !== "") {
      const n = /^\d{1,2}$/.test(line) ? Number(line) : NaN;
      const pick = buttons[n - 1];
      const vote =
        feedback && (line === "+" || line === "-") ? voteValue(line === "+" ? "up" : "down", feedback) : undefined;
      if (vote) await show({ ...base, action: { id: ACTIONS.feedback, value: vote } });
      else
        await show(
          pick ? { ...base, action: { id: pick.action, value: pick.value } } : { ...base, text: typedToPlain(line) },
        );
    }
    prompt();
  }
  rl.close();
  process.stdout.write("\n");
  return 0;
}
