/**
 * The server's own wiring: one info line per handled turn (channel, intent, outcome, milliseconds;
 * the user's words only at debug level), and channel SDKs that load only when they are needed.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server.ts";
import { hermeticEnv } from "../helpers/cli.ts";
import {
  captureLog,
  type FakeConnector,
  personalMessage,
  postActivity,
  startFakeConnector,
  startTeamsBot,
} from "../helpers/teams.ts";

const QUESTION = "what does a customer care director earn in the uk?";

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(() => connector.close());

async function withBot(level: "debug" | "info", use: (bot: RunningServer, lines: string[]) => Promise<void>) {
  const logged = captureLog(level);
  const bot = await startTeamsBot({ LOG_LEVEL: level }, logged.log);
  try {
    await use(bot, logged.lines);
  } finally {
    await bot.close();
  }
}

describe("the log of a handled turn", () => {
  it("is one info line with channel, intent, outcome and milliseconds, without the user's words", async () => {
    await withBot("info", async (bot, lines) => {
      expect((await postActivity(bot.url, personalMessage(connector.url, QUESTION))).status).toBe(200);
      const turns = lines.filter((l) => / info +turn /.test(l));
      expect(turns).toHaveLength(1);
      expect(turns[0]).toMatch(/ turn channel=teams intent=salary outcome=answer ms=\d+(\.\d)?$/);
      expect(lines.join("\n")).not.toContain("earn in the uk");
    });
  });

  it("carries the user's words at debug level", async () => {
    await withBot("debug", async (bot, lines) => {
      expect((await postActivity(bot.url, personalMessage(connector.url, QUESTION))).status).toBe(200);
      const turns = lines.filter((l) => / info +turn /.test(l));
      expect(turns).toHaveLength(1);
      expect(turns[0]).toMatch(/ turn channel=teams intent=salary outcome=answer ms=\S+ text=what does a customer/);
    });
  });
});

describe("channel SDKs", () => {
  it("in Teams local mode with nothing configured, botbuilder loads on the first request, which is answered", async () => {
    await withBot("info", async (bot, lines) => {
      expect(lines.some((l) => l.includes("teams loads its SDK on the first request routes=POST /api/messages"))).toBe(
        true,
      );
      expect(lines.some((l) => l.includes("Teams is on"))).toBe(false);
      const health = async () => ((await (await fetch(`${bot.url}/healthz`)).json()) as { channels: unknown }).channels;
      expect(await health()).toEqual({ teams: { ok: true, auth: "local" } });
      // Two first requests at once: one load, both answered.
      const replies = await Promise.all([
        postActivity(bot.url, personalMessage(connector.url, "salary uk")),
        postActivity(bot.url, personalMessage(connector.url, "kpis?")),
      ]);
      expect(replies.map((r) => r.status)).toEqual([200, 200]);
      expect(lines.filter((l) => l.includes("Teams is on in local mode"))).toHaveLength(1);
      expect(await health()).toEqual({ teams: { ok: true, auth: "local" } }); // now the loaded channel's own
      const sent = connector.calls.map((c) => JSON.stringify(c.body));
      expect(sent.some((body) => body.includes("£70,000"))).toBe(true);
      expect(sent.some((body) => body.includes("KPI"))).toBe(true);
    });
  });
});

/** Starts the compiled server in a fresh process and lists which channel SDKs it has loaded. */
function sdksLoadedAtStart(env: Record<string, string>): string[] {
  const server = pathToFileURL(join(import.meta.dirname, "../../dist/server.js")).href;
  const script = `
    import { createRequire } from "node:module";
    const { startServer } = await import(${JSON.stringify(server)});
    const running = await startServer();
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify(["@slack/bolt", "botbuilder"].filter((sdk) => loaded.some((f) => f.includes(\`/node_modules/\${sdk}/\`)))));
    await running.close();
  `;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    env: hermeticEnv({ PORT: "0", HOST: "127.0.0.1", STORE: "memory", LOG_LEVEL: "silent", ...env }),
    timeout: 30_000,
  });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as string[];
}

describe("what a start loads", () => {
  it("without Slack or Teams configuration: neither Bolt nor botbuilder", () => {
    expect(sdksLoadedAtStart({})).toEqual([]);
  });

  it("with Slack configured: Bolt, and still not botbuilder", () => {
    expect(
      sdksLoadedAtStart({
        SLACK_BOT_TOKEN: "xoxb-1-2-abc",
        SLACK_SIGNING_SECRET: "0123456789abcdef0123",
        SLACK_API_URL: "http://127.0.0.1:9/api/", // nothing listens: the process never leaves the machine
      }),
    ).toEqual(["@slack/bolt"]);
  });

  it("with Teams' experts' channel configured: botbuilder at start", () => {
    expect(
      sdksLoadedAtStart({
        TEAMS_EXPERTS_CONVERSATION: "19:experts@thread.tacv2",
        TEAMS_EXPERTS_SERVICE_URL: "http://127.0.0.1:9/",
      }),
    ).toEqual(["botbuilder"]);
  });
});
