/**
 * Nothing is lost: a real `careerfaq assess` process on the embedded SQLite store is killed with
 * SIGKILL in the middle of the quiz; a new process resumes at the same question, with the answers kept.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CliProcess } from "../helpers/child.ts";

const dir = mkdtempSync(join(tmpdir(), "careerfaq-kill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SIGKILL in the middle of the quiz", () => {
  it("resumes at the same question after a restart", async () => {
    const env = { DATABASE_PATH: join(dir, "careerfaq.db"), STORE: "sqlite", LOG_LEVEL: "warn" };
    const first = new CliProcess(["assess"], env);
    await first.waitFor(/Question 1 of 11[\s\S]*you> $/);
    await first.send("3");
    await first.send("about 4 years");
    const third = await first.send("bachelor's in marketing");
    expect(third).toMatch(/Recorded: Bachelor's in business, comms or marketing\.[\s\S]*Question 4 of 11/);
    // The terminal has no buttons to tap: it says "type".
    expect(third).toContain("Type the number of your answer");
    expect(third).not.toMatch(/\btap\b/i);
    first.child.kill("SIGKILL");
    await first.exited();
    expect(first.child.signalCode).toBe("SIGKILL");

    const second = new CliProcess(["assess"], env);
    const resumed = await second.waitFor(/you> $/);
    expect(resumed).toMatch(/Picking up where you left off[\s\S]*Question 4 of 11/);
    // The answers before the kill are kept: going back reaches question 3, and the result below counts questions 1 and 2.
    const back = await second.send("back");
    expect(back).toMatch(/You answered: Bachelor's in business, comms or marketing\.[\s\S]*Question 3 of 11/);
    await second.send("4");
    let out = "";
    for (let i = 4; i <= 11; i++) out = await second.send("1");
    expect(out).toMatch(/Your readiness: \d+\/100/);
    // service-years 3 = 5-9 years (67%), lead-years "about 4 years" = 4-5 years (75%), degree 4 = related (75%)
    expect(out).toContain("Customer service experience: 67%");
    expect(out).toContain("Team leadership: 75%");
    expect(out).toContain("Education: 75%");
    second.child.stdin.end();
    expect(await second.exited()).toBe(0);
  });
});
