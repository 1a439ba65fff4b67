/**
 * /healthz (issue 11, item 6) and start-up errors (item 14), on real servers: the store's reachability
 * and writability, each channel's auth state, 503 when a channel cannot work; and clear one-line
 * errors for a port in use, a bad HOST and an impossible DATABASE_PATH (real child processes).
 */
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/server.ts";
import { CliProcess } from "./helpers/child.ts";
import { startSlackServer } from "./helpers/slack.ts";
import { FakeSlack } from "./helpers/slack-fake.ts";
import { freePort } from "./helpers/slack-process.ts";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

const health = async (server: RunningServer) => {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe("/healthz", () => {
  it("reports the store and each channel: ok, then 503 once Slack rejects the bot token", async () => {
    const fake = await FakeSlack.start();
    cleanup.push(() => fake.close());
    const server = await startSlackServer(fake);
    cleanup.push(() => server.close());
    await fake.waitFor(() => fake.seen.has("auth.test"));
    const ok = await health(server);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: "ok",
      store: { kind: "MemoryStore", reachable: true, writable: true },
      channels: { slack: { ok: true, auth: "ok", mode: "http" }, teams: { ok: true, auth: "local" } },
    });

    const revoked = await FakeSlack.start();
    cleanup.push(() => revoked.close());
    revoked.fail("auth.test", { error: "token_revoked" });
    const broken = await startSlackServer(revoked);
    cleanup.push(() => broken.close());
    await revoked.waitFor(() => revoked.seen.has("auth.test"));
    await new Promise((r) => setTimeout(r, 100));
    const down = await health(broken);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: "down",
      channels: { slack: { ok: false, auth: "rejected", code: "token_revoked" } },
    });
  });
});

describe("start-up errors: one clear line naming the variable", () => {
  const serve = (env: Record<string, string>) => {
    const child = new CliProcess(["serve"], {
      STORE: "memory",
      LOG_LEVEL: "warn",
      SLACK_BOT_TOKEN: "",
      SLACK_SIGNING_SECRET: "",
      SLACK_APP_TOKEN: "",
      ...env,
    });
    cleanup.push(async () => child.child.kill("SIGKILL"));
    return child;
  };

  it("a port already in use", async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, "127.0.0.1");
    cleanup.push(() => new Promise((r) => blocker.close(r)));
    const child = serve({ PORT: String(port), HOST: "127.0.0.1" });
    expect(await child.exited()).toBe(1);
    expect(child.output).toContain(`careerfaq: PORT=${port} is already in use`);
    expect(child.output).not.toMatch(/\n\s+at /);
  });

  it("a HOST that is not an address of this machine", async () => {
    const child = serve({ PORT: "0", HOST: "no-such-host.invalid" });
    expect(await child.exited()).toBe(1);
    expect(child.output).toMatch(/careerfaq: cannot listen on HOST=no-such-host\.invalid .*set HOST/);
    expect(child.output).not.toMatch(/\n\s+at /);
  });

  it("a DATABASE_PATH that cannot exist (under /proc/self) fails at once instead of spinning", async () => {
    const child = serve({
      PORT: "0",
      HOST: "127.0.0.1",
      STORE: "sqlite",
      DATABASE_PATH: "/proc/self/nope/careerfaq.db",
    });
    expect(await child.exited()).toBe(1);
    expect(child.output).toMatch(
      /careerfaq: cannot open the SQLite database at DATABASE_PATH=\/proc\/self\/nope\/careerfaq\.db/,
    );
  });
});
