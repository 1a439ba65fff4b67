/**
 * Block Kit limits, in one table (https://docs.slack.dev/reference/block-kit). The renderer splits or
 * trims to stay within every one of them, so Slack never rejects a message for its size.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /**
   * Characters of a message's `blocks` JSON. Slack answers `msg_blocks_too_long` at about 13,200
   * characters of blocks in total, well below the per-block limits (bolt-js #2509; still undocumented in
   * #2867). Measured as JSON length, which is never less than the text Slack counts.
   */
  messageBlocksChars: 13_200,
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
  /** Characters in a button's value (a feedback button's too). */
  buttonValue: 2000,
  /** Rows in a table block, the row of column titles included (Block Kit table block). */
  tableRows: 100,
  /** Cells in one table row. */
  tableCells: 20,
  /**
   * Characters across the cells of one table: the data table block documents 10,000; the table block
   * documents none, so the same bound is kept for it. A longer table is split over several messages.
   */
  tableChars: 10_000,
  /** Table blocks in one message (Slack accepts one); a second table goes to the next message. */
  tablesPerMessage: 1,
  /** Characters in a message's top-level `text` (Slack truncates beyond it). */
  messageText: 40000,
  /** Messages one reply may be split into; beyond it the reply is trimmed, with a note. */
  messagesPerReply: 5,
  /** Characters of a user's question quoted when an answer is shared ("<@U…> asked: …"). */
  quotedQuestion: 300,
} as const;

/** Engine button style → Block Kit button style (Block Kit's default style has no name). */
export const SLACK_BUTTON_STYLES = { primary: "primary", danger: "danger", default: undefined } as const;
