/**
 * Answering needs no storage (issue 11, item 5): with the store failing on every call (a closed
 * SQLite database, as after a full disk or a dead Redis), a plain question is still answered; the
 * counters, the unanswered log and the quiz check are best-effort.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Engine } from "../../src/core/engine.ts";
import { renderText } from "../../src/core/render-text.ts";
import { SqliteStore } from "../../src/stores/sqlite.ts";
import { testCatalog } from "../helpers/engine.ts";

const dir = mkdtempSync(join(tmpdir(), "careerfaq-best-effort-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a failing store", () => {
  it("does not stop answers: in a channel, in a DM, and for a declined question", async () => {
    const store = SqliteStore.open(join(dir, "closed.db"));
    await store.close();
    await expect(store.increment("x")).rejects.toThrow();
    const errors: unknown[] = [];
    const engine = new Engine(testCatalog(), { store, clock: Date.now, onError: (e) => errors.push(e) });
    const base = { channel: "slack" as const, conversation: "slack:T1:C1", user: "slack:T1:U1" };
    const channel = await engine.handle({ ...base, direct: false, text: "salary in canada" });
    expect(channel[0]!.reply.outcome).toBe("answer");
    expect(renderText(channel[0]!.reply)).toMatch(/CA\$|C\$|CAD/);
    const dm = await engine.handle({ ...base, direct: true, text: "salary in canada" });
    expect(dm[0]!.reply.outcome).toBe("answer");
    const declined = await engine.handle({ ...base, direct: true, text: "what does a plumber earn in paris" });
    expect(declined[0]!.reply.outcome).not.toBe("answer");
    expect(declined[0]!.reply.intent).not.toBe("error");
    expect(errors).toEqual([]);
  });
});
