/**
 * One person's conversation with the bot over the real HTTP path: typed messages and card clicks
 * posted as Activities, and the cards the bot sent back (recorded by the fake Bot Connector).
 */
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { ACTIONS } from "../../src/core/types.ts";
import type { RunningServer } from "../../src/server.ts";
import {
  type ConnectorCall,
  cardOf,
  cardSubmit,
  type FakeConnector,
  personalConversation,
  personalMessage,
  postActivity,
  startFakeConnector,
  startTeamsBot,
  submitsOf,
  textsOf,
} from "./teams.ts";

type Conversation = ReturnType<typeof personalConversation>;
type Account = { id: string; name?: string; aadObjectId?: string };

export interface Said {
  calls: ConnectorCall[];
  /** Every text of every card (and the plain text of a message without a card), in order. */
  text: string;
  /** The careerfaq data of every button, in order. */
  submits: { careerfaq: { action: string; value: string } }[];
}

export interface Chat {
  conversation: Conversation;
  say(text: string): Promise<Said>;
  click(data: unknown): Promise<Said>;
}

/**
 * `bot()` gives the running server's URL, so a chat survives a restart on a new port. `from`: who
 * is talking (default USER).
 */
export function chat(
  bot: () => string,
  connector: FakeConnector,
  conversation: Conversation = personalConversation(),
  from?: Account,
): Chat {
  // The replies to this very activity (replyToId), so that concurrent turns are told apart.
  const run = async (built: { id: string }): Promise<Said> => {
    const activity = from ? { ...built, from } : built;
    const res = await postActivity(bot(), activity);
    expect(res.status).toBe(200);
    return said(connector.calls.filter((c) => c.body?.replyToId === activity.id));
  };
  return {
    conversation,
    say: (text) => run(personalMessage(connector.url, text, conversation)),
    click: (data) => run(cardSubmit(connector.url, data, conversation)),
  };
}

export function said(calls: ConnectorCall[]): Said {
  return {
    calls,
    text: calls.map((c) => (cardOf(c) ? textsOf(cardOf(c)).join("\n") : String(c.body?.text ?? ""))).join("\n\n"),
    submits: calls.flatMap((c) => submitsOf(cardOf(c))),
  };
}

/** The answer button for `option` of `question` ("<attempt>.<owner>.<question>.<option>"). */
export function answerButton(s: Said, question: string, option: string) {
  const found = s.submits.find(
    (d) => d.careerfaq.action === ACTIONS.quiz && d.careerfaq.value.endsWith(`.${question}.${option}`),
  );
  if (!found) throw new Error(`no button for ${question}.${option} in: ${s.text}`);
  return found;
}

/** The quiz answer buttons in what was said. */
export const answerButtons = (s: Said) => s.submits.filter((d) => d.careerfaq.action === ACTIONS.quiz);

/**
 * The bot and a fake connector for one test file: started before its tests, closed after them, the
 * connector's record cleared before each test. `bind` receives both once they are up.
 */
export function useTeamsBot(
  bind: (bot: RunningServer, connector: FakeConnector) => void,
  env: Record<string, string> = {},
): void {
  let connector: FakeConnector | undefined;
  let bot: RunningServer | undefined;
  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startTeamsBot(env);
    bind(bot, connector);
  });
  afterAll(async () => {
    await bot?.close();
    await connector?.close();
  });
  beforeEach(() => connector?.reset());
}
