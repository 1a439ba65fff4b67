/**
 * "Forget me" forgets (issue 11, item 16), on a real SQLite store: the person's votes leave the
 * report's counts, the text of an unanswered question only they asked is deleted (one others also
 * asked keeps its text, without them), everything under their key goes, and the confirmation says
 * exactly what was removed and what stays as anonymous counts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Engine } from "../../src/core/engine.ts";
import { questionId } from "../../src/core/metrics.ts";
import { renderText } from "../../src/core/render-text.ts";
import { ACTIONS, type Inbound, type Outbound } from "../../src/core/types.ts";
import { SqliteStore } from "../../src/stores/sqlite.ts";
import { testCatalog } from "../helpers/engine.ts";

const dir = mkdtempSync(join(tmpdir(), "careerfaq-forget-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const me = { channel: "slack" as const, conversation: "slack:T1:D1", user: "slack:T1:U1", direct: true };
const other = { ...me, conversation: "slack:T1:D2", user: "slack:T1:U2" };
const text = (out: Outbound[]) => out.map((o) => renderText(o.reply)).join("\n");
const buttonsOf = (out: Outbound[]) =>
  out.flatMap((o) => o.reply.blocks.flatMap((b) => (b.type === "buttons" ? b.buttons : [])));

describe("forget me", () => {
  it("removes votes from the counts, unshared question texts, and says what was removed and what stays", async () => {
    const store = SqliteStore.open(join(dir, "forget.db"));
    const engine = new Engine(testCatalog(), { store, clock: Date.now });
    const say = (who: Omit<Inbound, "text">, t: string) => engine.handle({ ...who, text: t });
    // A vote (👎 with a reason), two unanswered questions (one also asked by someone else), a quiz started.
    const answer = await say(me, "salary uk");
    const feedback = answer[0]!.reply.blocks.find((b) => b.type === "feedback") as { value: string };
    const down = await engine.handle({ ...me, action: { id: ACTIONS.feedback, value: `down:${feedback.value}` } });
    const reason = buttonsOf(down).find((b) => b.action === ACTIONS.feedbackReason)!;
    await engine.handle({ ...me, action: { id: reason.action, value: reason.value } });
    await say(me, "what does a plumber earn in paris");
    await say(me, "what does a nurse earn");
    await say(other, "what does a nurse earn");
    await say(me, "assess");
    let report = await engine.report(1);
    expect(report.down).toBe(1);
    expect(report.reasons).toEqual([[reason.value.split(":")[0], 1]]);
    const onlyMine = questionId("what does a plumber earn in paris");
    expect(await store.get(`unanswered:${onlyMine}`)).toBeDefined();

    const confirm = buttonsOf(await say(me, "forget me")).find((b) => b.label.startsWith("Yes"))!;
    const done = text(await engine.handle({ ...me, action: { id: confirm.action, value: confirm.value } }));
    expect(done).toContain("Done: I deleted everything I kept about you");
    expect(done).toContain("your self-assessment in progress");
    expect(done).toContain("1 feedback vote, also taken out of the report's counts");
    expect(done).toMatch(/your link to 2 questions I could not answer, and 1 question text nobody else had asked/);
    expect(done).toMatch(/What stays, as anonymous counts/);

    report = await engine.report(1);
    expect(report.down).toBe(0);
    expect(report.votesByIntent).toEqual([]);
    expect(report.reasons).toEqual([]);
    expect(await store.get(`unanswered:${onlyMine}`)).toBeUndefined();
    const shared = report.unanswered.find((u) => u.users === 1);
    expect(shared).toBeDefined(); // the nurse question: still counted, now for the other person only
    expect(await store.keys("user:slack:T1:U1:")).toEqual([]);
    expect((await store.keys("user:slack:T1:U2:")).length).toBeGreaterThan(0);
    expect(report.answered).toBeGreaterThan(0); // anonymous daily counts stay
    await store.close();
  });
});
