/**
 * What the app manifest's command lists offer (bots[0].commandLists), as data. In every scope the
 * basic commands (help, topics, assess), typed in chat, reach the engine as text like any question.
 * In the personal scope the prompt starters come first: commands of type "prompt" (manifest v1.27)
 * whose prompt text is the question sent when one is picked. The package check compares the
 * manifest template with these lists.
 */
import { STARTER_PROMPTS } from "../prompts.ts";

export interface TeamsCommand {
  title: string;
  description: string;
  /** "prompt": a prompt starter, which sends `prompt`; absent: a basic command, which sends its title. */
  type?: "basic" | "prompt";
  prompt?: string;
}

export const TEAMS_COMMANDS: readonly TeamsCommand[] = [
  { title: "help", description: "What I can answer and how to ask" },
  { title: "topics", description: "Browse the topics I cover" },
  { title: "assess", description: "Check how ready you are for the director role (runs in a personal chat)" },
];

/** Prompt starters: the questions that start a personal chat (the same as Slack's suggested prompts). */
export const TEAMS_PROMPT_STARTERS: readonly TeamsCommand[] = STARTER_PROMPTS.map((p) => ({
  title: p.title,
  description: p.description,
  type: "prompt",
  prompt: p.message,
}));

export const TEAMS_COMMAND_SCOPES = ["personal", "team", "groupChat"] as const;
export type TeamsScope = (typeof TEAMS_COMMAND_SCOPES)[number];

/** The command list of one scope, in the manifest's order. */
export function commandsFor(scope: TeamsScope): readonly TeamsCommand[] {
  return scope === "personal" ? [...TEAMS_PROMPT_STARTERS, ...TEAMS_COMMANDS] : TEAMS_COMMANDS;
}

/** What picking a command sends to the bot. */
export const commandText = (c: TeamsCommand): string => c.prompt ?? c.title;
