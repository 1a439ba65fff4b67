/**
 * The commands Teams suggests (the app manifest's commandLists) — typed in chat, they reach the engine
 * as text like any question. The manifest test checks the template lists exactly these.
 */
export interface TeamsCommand {
  title: string;
  description: string;
}

export const TEAMS_COMMANDS: readonly TeamsCommand[] = [
  { title: "help", description: "What I can answer and how to ask" },
  { title: "topics", description: "Browse the topics I cover" },
  { title: "assess", description: "Check how ready you are for the director role (runs in a personal chat)" },
];

export const TEAMS_COMMAND_SCOPES = ["personal", "team", "groupChat"] as const;
