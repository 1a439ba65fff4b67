/**
 * "Forget me": after a confirmation, deletes or irreversibly unlinks everything tied to a person —
 * the self-assessment in progress and the results, their feedback votes (also taken out of the
 * report's counters), their link to questions the bot could not answer (and a question's text where
 * nobody else asked it), questions forwarded to the experts, and every other record under their key.
 * The confirmation says exactly what was removed and what stays as anonymous counts.
 */
import { voteCodec } from "./feedback.ts";
import { askedQuestionOf, keys, userPrefix } from "./keys.ts";
import { day } from "./metrics.ts";
import { type ForgetPayload, forgetPayload } from "./payloads.ts";
import type { Clock, Store } from "./store.ts";
import { ACTIONS, type Block, type Inbound, type Outbound, type Reply } from "./types.ts";

export const FORGET_WORDS = new Set(["forget me", "delete my data", "forget my data", "delete me", "erase my data"]);
const CONFIRM_TTL_MS = 15 * 60_000;
const ENDED = "ended:";

/** What one "forget me" removed. */
export interface Forgotten {
  session: boolean;
  results: number;
  votes: number;
  /** Questions the bot could not answer that the person asked (their link to each was deleted). */
  unanswered: number;
  /** Of those, the texts deleted because nobody else had asked the same. */
  unansweredTexts: number;
  forwarded: number;
  /** Conversations whose context (what was last asked about) was kept. */
  conversations: number;
  other: number;
}

const STAYS =
  "What stays, as anonymous counts with nothing that links them to you: how many questions were asked, answered, clarified or declined each day and on which topics, and how many self-assessments were started and completed.";

export class ForgetMe {
  constructor(private readonly d: { store: Store; clock: Clock; owner: (user: string) => string }) {}

  /** The confirmation: what will be deleted, with Yes/No buttons bound to a one-time nonce. */
  async ask(user: string): Promise<Reply> {
    const nonce = `${this.d.clock().toString(36)}${this.d.owner(user).slice(0, 4)}`;
    await this.d.store.set(keys.forget(user), nonce, CONFIRM_TTL_MS);
    const text =
      "This deletes everything I keep about you: your self-assessment in progress and your results, your feedback votes (also taken out of the report's counts), your link to the questions I could not answer (and their text where nobody else asked the same), any question of yours forwarded to the experts, and what I remember of our recent conversations. Anonymous daily counts stay. It cannot be undone. Are you sure?";
    return reply("forget-confirm", [
      { type: "text", text },
      {
        type: "buttons",
        buttons: [
          {
            label: "Yes, delete everything",
            action: ACTIONS.forget,
            value: forgetPayload.encode({ choice: "confirm", nonce }),
            style: "danger",
          },
          { label: "No, keep it", action: ACTIONS.forget, value: forgetPayload.encode({ choice: "keep", nonce }) },
        ],
      },
    ]);
  }

  /** A click on the confirmation's buttons (undefined: a value that is not one of them). */
  async onAction(inbound: Inbound, clicked: ForgetPayload | undefined): Promise<Outbound[]> {
    const stored = await this.d.store.get(keys.forget(inbound.user));
    const say = (blocks: Block[]): Outbound[] => [{ reply: reply("forget", blocks), visibility: "private" }];
    const text = (t: string) => say([{ type: "text", text: t }]);
    if (!clicked || stored !== clicked.nonce)
      return text(
        'That confirmation has expired or belongs to someone else; nothing was deleted. Type "forget me" to start again.',
      );
    if (clicked.choice === "keep") {
      await this.d.store.delete(keys.forget(inbound.user));
      return text("Kept: nothing was deleted.");
    }
    return say(confirmation(await this.forget(inbound.user)));
  }

  /** Deletes everything tied to `user`; idempotent (running it again after a crash finishes the job). */
  async forget(user: string): Promise<Forgotten> {
    const { store } = this.d;
    const out: Forgotten = {
      session: false,
      results: 0,
      votes: 0,
      unanswered: 0,
      unansweredTexts: 0,
      forwarded: 0,
      conversations: 0,
      other: 0,
    };
    const session = await store.get(keys.quiz(user));
    out.session = session !== undefined && !session.startsWith(ENDED);
    out.results = (await store.list(keys.results(user))).length;
    for (const key of await store.keys(keys.votes(user), Number.POSITIVE_INFINITY)) {
      if (await this.forgetVote(key)) out.votes++;
    }
    for (const ref of new Set(await store.list(keys.refs(user)))) await this.forgetRef(ref, out);
    const counted = new Set([keys.quiz(user), keys.results(user), keys.refs(user), keys.forget(user)]);
    const rest = await store.keys(userPrefix(user), Number.POSITIVE_INFINITY);
    out.other = rest.filter((k) => !counted.has(k)).length;
    await store.deletePrefix(userPrefix(user));
    return out;
  }

  /** Deletes a vote and takes it out of the report's counters (of the day it was cast). */
  private async forgetVote(key: string): Promise<boolean> {
    const raw = await this.d.store.get(key);
    const vote = voteCodec.decode(raw);
    if (!(await this.d.store.commit([{ kind: "delete", key }], { key, expected: raw }))) return false;
    if (!vote) return true;
    const d = day(vote.at);
    await this.d.store.increment(keys.stat(d, `vote:${vote.vote}`), -1);
    await this.d.store.increment(keys.stat(d, `vote:${vote.intent}:${vote.vote}`), -1);
    if (vote.reason) await this.d.store.increment(keys.stat(d, `reason:${vote.reason}`), -1);
    return true;
  }

  private async forgetRef(ref: string, out: Forgotten): Promise<void> {
    const { store } = this.d;
    await store.delete(ref);
    const question = askedQuestionOf(ref);
    if (question !== undefined) {
      out.unanswered++;
      // Nobody else asked it: its text goes too (the daily count stays, without text).
      if ((await store.keys(keys.unansweredAskers(question), 1)).length === 0) {
        await store.delete(keys.unanswered(question));
        out.unansweredTexts++;
      }
    } else if (ref.startsWith(keys.expertThread(""))) out.forwarded++;
    else if (ref.startsWith(keys.conversation(""))) out.conversations++;
    else if (!ref.startsWith(keys.teamsExpertAsker(""))) out.other++;
  }
}

/** Exactly what was removed, and what stays. */
export function confirmation(f: Forgotten): Block[] {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const items: string[] = [];
  if (f.session) items.push("your self-assessment in progress");
  if (f.results) items.push(n(f.results, "self-assessment result", "self-assessment results"));
  if (f.votes) items.push(`${n(f.votes, "feedback vote", "feedback votes")}, also taken out of the report's counts`);
  if (f.unanswered)
    items.push(
      `your link to ${n(f.unanswered, "question", "questions")} I could not answer, and ${n(f.unansweredTexts, "question text", "question texts")} nobody else had asked`,
    );
  if (f.forwarded)
    items.push(n(f.forwarded, "question forwarded to the experts", "questions forwarded to the experts"));
  if (f.conversations)
    items.push(
      n(
        f.conversations,
        "conversation's context (what you last asked about)",
        "conversations' context (what you last asked about)",
      ),
    );
  if (f.other)
    items.push(
      n(f.other, "other record (e.g. which answers you got today)", "other records (e.g. which answers you got today)"),
    );
  if (items.length === 0)
    return [
      { type: "text", text: "Done: I deleted everything I kept about you — there was nothing to delete." },
      { type: "text", text: STAYS },
    ];
  return [
    { type: "text", text: "Done: I deleted everything I kept about you:" },
    { type: "bullets", items: items.map((text) => ({ text })) },
    { type: "text", text: STAYS },
  ];
}

function reply(intent: string, blocks: Block[]): Reply {
  return { outcome: "answer", intent, confidence: 1, blocks };
}
