/**
 * The questions both platforms offer to start a conversation: Slack's agent view suggested prompts
 * (manifest.yml) and Teams' prompt starters (the app manifest's personal command list). Each message
 * is a question the bot answers; tests check that it does, and that both manifests list these.
 */
export interface StarterPrompt {
  /** Short label shown on the prompt (Slack: title; Teams: the command's title). */
  title: string;
  /** What the user gets (Teams: the command's description). */
  description: string;
  /** The question sent when the prompt is picked. */
  message: string;
}

export const STARTER_PROMPTS: readonly StarterPrompt[] = [
  {
    title: "What the role pays",
    description: "Salary by country, experience level and source",
    message: "What does a customer care director earn in the UK?",
  },
  {
    title: "How to get there",
    description: "The steps from agent or manager to director",
    message: "How do I become a customer care director?",
  },
  {
    title: "Skills that matter",
    description: "The skills the sources say directors need",
    message: "What skills does a customer care director need?",
  },
  {
    title: "Am I ready?",
    description: "A private self-assessment of your readiness",
    message: "Am I ready to be a customer care director?",
  },
];
