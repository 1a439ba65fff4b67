/**
 * Block Kit limits, in one table (https://docs.slack.dev/reference/block-kit). The renderer splits or
 * trims to stay within every one of them, so Slack never rejects a message for its size.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** Blocks in an App Home view. */
  blocksPerHome: 100,
  /** Characters in a section's text (and in any text object, such as a context element). */
  sectionText: 3000,
  /** Characters in a header block's plain_text. */
  headerText: 150,
  /** Elements in one context block. */
  contextElements: 10,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** Characters in a button's label. */
  buttonText: 75,
  /** Characters in an action_id. */
  actionId: 255,
  /** Characters in a button's value. */
  buttonValue: 2000,
  /** Characters in a message's top-level `text` (Slack truncates beyond it). */
  messageText: 40000,
  /** Messages one reply may be split into; beyond it the reply is trimmed, with a note. */
  messagesPerReply: 5,
  /** Characters of a user's question quoted when an answer is shared ("<@U…> asked: …"). */
  quotedQuestion: 300,
} as const;

/** Engine button style → Block Kit button style (Block Kit's default style has no name). */
export const SLACK_BUTTON_STYLES = { primary: "primary", danger: "danger", default: undefined } as const;
