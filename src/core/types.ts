/**
 * The engine's channel-neutral input and output.
 *
 * Adapters turn a platform event into an `Inbound` and render each `Reply` with one exhaustive
 * switch over `Block["type"]`; a new block type fails to compile until every renderer handles it.
 */

export type ChannelKind = "cli" | "slack" | "teams";

/** A message or a button click, with platform markup already removed by the adapter. */
export interface Inbound {
  channel: ChannelKind;
  /** Conversation key carrying its channel: "slack:T1:D123", "teams:<conversation id>", "cli:local". */
  conversation: string;
  /** User key carrying its channel: "slack:T1:U123". */
  user: string;
  /** The user's display name, when the platform gives it (shown when a question is forwarded to experts). */
  userName?: string;
  /** True in a direct message / personal chat. */
  direct: boolean;
  text?: string;
  action?: { id: string; value: string };
  /** The user may see the bot's own KPIs (set by the adapter from configuration). */
  admin?: boolean;
  /**
   * False where the adapter cannot open the user's direct messages itself (Teams in a channel): a
   * reply meant for the DMs is then sent as `to: "dm"` alone, and the adapter points the user there.
   */
  canDm?: boolean;
}

/** One reply and where it goes. */
export interface Outbound {
  reply: Reply;
  /**
   * "here": the conversation the message came from (default); "dm": the user's direct messages;
   * "experts": the experts' channel configured for the platform (see `about`).
   */
  to?: "here" | "dm" | "experts";
  /** For "experts": who asked what (the adapter attributes it natively and remembers the thread). */
  about?: { user: string; userName?: string; conversation: string; question: string };
  /** "private": only the asker sees it (Slack ephemeral); default public. */
  visibility?: "public" | "private";
}

/** A fact's citation: source ids, rendered as numbered markers pointing at the reply's sources block. */
export type Cites = readonly string[];

export interface Fact {
  label: string;
  value: string;
  sources?: Cites;
}

export interface ListItem {
  text: string;
  sources?: Cites;
}

export interface SourceRef {
  id: string;
  /** Short name ("Zippia (2025)"). */
  short: string;
  title: string;
  publisher: string | null;
  date: string | null;
}

export type ButtonStyle = "primary" | "default" | "danger";

export interface Button {
  label: string;
  /** Stable action id (see ACTIONS). */
  action: string;
  value: string;
  style?: ButtonStyle;
}

/** One row of a table block: its cells (as many as the columns) and the sources it comes from. */
export interface TableRow {
  cells: string[];
  sources?: Cites;
}

export type Block =
  /** level 1: the reply's title; level 2: a section title inside it. */
  | { type: "heading"; text: string; level: 1 | 2 }
  | { type: "text"; text: string; sources?: Cites }
  | { type: "bullets"; items: ListItem[]; ordered?: boolean }
  | { type: "facts"; facts: Fact[] }
  /** Figures side by side (salary by source, country or level): column titles, then one row per figure. */
  | { type: "table"; columns: string[]; rows: TableRow[] }
  | { type: "sources"; sources: SourceRef[] }
  | { type: "buttons"; title?: string; buttons: Button[] }
  /** 👍/👎 under an answer; `value` goes back with ACTIONS.feedback and "up:" or "down:" in front. */
  | { type: "feedback"; value: string }
  | { type: "divider" };

export type BlockType = Block["type"];

/**
 * answer: the question was understood and answered; clarify: "Did you mean…"; decline: out of scope
 * or not understood; chat: a social reply ("hello", "thanks") that answers no question.
 */
export type Outcome = "answer" | "clarify" | "decline" | "chat";

export interface Reply {
  outcome: Outcome;
  /** The intent answered (for a decline, the reason: "other-role", "other-country", "off-topic", ...). */
  intent: string;
  confidence: number;
  blocks: Block[];
}

/** Stable action ids carried by buttons; adapters route clicks back to the engine with them. */
export const ACTIONS = {
  /** value: an intent id, optionally with slots: "salary?country=UK&level=entry". */
  ask: "careerfaq.ask",
  /** "More on <topic>": the whole topic page; value: an intent id with optional slots, as for ask. */
  more: "careerfaq.more",
  /** value: "up:" or "down:" followed by the feedback block's value. */
  feedback: "careerfaq.feedback",
  /** value: a reason id (wrong, incomplete, outdated, not-asked) + ":" + the feedback block's value. */
  feedbackReason: "careerfaq.feedback.reason",
  /** A self-assessment answer; value: "<attempt>.<owner>.<question id>.<option id>". */
  quiz: "careerfaq.quiz",
  /** A self-assessment control; value: "<command>.<attempt>.<owner>" with command back | skip | cancel | restart | start | history. */
  quizControl: "careerfaq.quiz.control",
  /** "forget me" confirmation; value: "confirm.<nonce>" or "keep.<nonce>". */
  forget: "careerfaq.forget",
  /** Forward a declined question to the experts; value: the question as the user wrote it. */
  expert: "careerfaq.expert",
} as const;

/** Routing result, exposed for evaluation, benchmarks and logs. */
export interface Routing {
  outcome: Outcome;
  intent: string | null;
  confidence: number;
  /** Ranked candidates (intent id, score), best first. */
  candidates: { intent: string; score: number }[];
  slots: Slots;
  /** Why a message was declined, when it was. */
  declineReason?: DeclineReason;
  /** The normalised text the router matched on (truncated). */
  normalized: string;
}

export type DeclineReason =
  | "uncovered"
  | "no-words"
  | "empty"
  | "off-topic"
  | "not-understood"
  | "other-role"
  | "related-role-pay"
  | "other-country"
  | "injection";

export interface Slots {
  /** A country code: US, UK, CA, or another code we have no data for. */
  country?: string;
  countryName?: string;
  /** Every country mentioned, in order, when there is more than one. */
  countries?: string[];
  /** The country is where the asker is ("our team in Lagos. …"), said beside a question of its own. */
  askersCountry?: boolean;
  level?: "entry" | "mid" | "experienced" | "senior" | "veteran";
  /** Every level named, when there is more than one ("entry vs veteran"). */
  levels?: ("entry" | "mid" | "experienced" | "senior" | "veteran")[];
  /** The message asks for figures by experience level without naming one. */
  byLevel?: boolean;
  /** Years of experience mentioned, when a number was given. */
  years?: number;
  period?: "year" | "hour" | "month" | "week";
  aspect?: "salary" | "stability" | "stress" | "complexity" | "work-life" | "diversity";
  /** Every rated aspect named, when there is more than one ("stress and work-life balance"). */
  aspects?: ("salary" | "stability" | "stress" | "complexity" | "work-life" | "diversity")[];
  /** An amount of the asker's own, yearly ("budgeted C$80k", "asking for £100k"), set against the ranges. */
  amount?: number;
  /** Another job the message names (declined). */
  otherRole?: string;
  relatedRole?: string;
}
