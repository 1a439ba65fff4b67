/**
 * Every storage key, in one place. Keys that hold something about a person live under their prefix
 * (`user:<user key>:`) or are listed in their refs, so "forget me" finds them all; everything else
 * is an anonymous aggregate or the bot's own bookkeeping. No other module builds a key.
 */

/** A person's prefix: everything under it is theirs. */
export const userPrefix = (user: string) => `user:${user}:`;

export const keys = {
  /** The self-assessment in progress ("ended:<attempt>" briefly after it ends). */
  quiz: (user: string) => `${userPrefix(user)}quiz`,
  /** Finished self-assessments, oldest first. */
  results: (user: string) => `${userPrefix(user)}results`,
  /** The nonce of a pending "forget me" confirmation. */
  forget: (user: string) => `${userPrefix(user)}forget`,
  /** Keys outside the person's prefix that hold something about them; "forget me" deletes these too. */
  refs: (user: string) => `${userPrefix(user)}refs`,
  /** The person's 👍/👎 on one answer. */
  vote: (user: string, answer: string) => `${userPrefix(user)}vote:${answer}`,
  votes: (user: string) => `${userPrefix(user)}vote:`,
  /** The person was greeted in their DM with the bot (Slack's agent view): once, until "forget me". */
  greeted: (user: string) => `${userPrefix(user)}greeted`,
  /** Marks that the person was answered this intent on this day (repeat-question rate). */
  asked: (user: string, day: string, intent: string) => `${userPrefix(user)}asked:${day}:${intent}`,

  /** A conversation's context: what was last answered there (listed in the asker's refs). */
  conversation: (conversation: string) => `conversation:${conversation}`,

  /** Slack: a thread where the bot answered a mention; replies there are answered without one. */
  slackThread: (team: string, channel: string, threadTs: string) => `slack:thread:${team}:${channel}:${threadTs}`,
  /** Slack: a message already answered (a mention arrives both as app_mention and as a channel message). */
  slackMessage: (team: string, channel: string, ts: string) => `slack:message:${team}:${channel}:${ts}`,

  /** One day's anonymous counters. */
  statsDay: (day: string) => `stats:${day}:`,
  stat: (day: string, name: string) => `stats:${day}:${name}`,
  /** An unanswered question's text and counts (text shown only once enough people asked it). */
  unanswered: (question: string) => `unanswered:${question}`,
  /** Who asked an unanswered question (one key per person, by a hash of their key). */
  unansweredAskers: (question: string) => `unanswered:${question}:user:`,
  unansweredAsker: (question: string, owner: string) => `unanswered:${question}:user:${owner}`,

  /** A question forwarded to the experts, by the platform's thread id. */
  expertThread: (platformThread: string) => `expert:thread:${platformThread}`,
  /** Teams: the asker's conversation reference for a forwarded question, and replies already relayed. */
  teamsExpertAsker: (platformThread: string) => `teams:expert-asker:${platformThread}`,
  teamsExpertRelayed: (activityId: string) => `teams:expert-relayed:${activityId}`,
  /** Teams: the welcome was shown in this conversation. */
  teamsWelcome: (conversationId: string) => `teams:welcome:${conversationId}`,
  /** Teams: an activity id already handled (redelivery dedupe). */
  teamsActivity: (conversationId: string, activityId: string) => `teams:activity:${conversationId}:${activityId}`,

  /** The event inbox: accepted work not yet answered, its dedupe marks, and each instance's heartbeat. */
  inboxItems: () => "inbox:item:",
  inboxItem: (id: string) => `inbox:item:${id}`,
  inboxSeen: (id: string) => `inbox:seen:${id}`,
  inboxOwner: (instance: string) => `inbox:owner:${instance}`,

  /** /healthz writes and reads this. */
  health: () => "health:check",
} as const;

/** The question of an unanswered-question asker key (as listed in a person's refs); undefined for other keys. */
export function askedQuestionOf(ref: string): string | undefined {
  return /^unanswered:(.+):user:[^:]+$/.exec(ref)?.[1];
}
