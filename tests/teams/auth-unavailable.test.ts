/**
 * Token verification that cannot run (issue 11, items 6 and 14): with MicrosoftAppId set and the Bot
 * Framework's OpenID metadata unreachable (no route out of this machine), a request with a forged JWT
 * gets 503 with a clear log line, not a 500; /healthz says the Teams channel cannot work (503).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningServer } from "../../src/server.ts";
import { captureLog, personalMessage, postActivity, startTeamsBot } from "../helpers/teams.ts";

const logged = captureLog();
let bot: RunningServer;

beforeAll(async () => {
  vi.spyOn(console, "error").mockImplementation(() => {}); // botbuilder prints its own errors (main() routes them to the log)
  bot = await startTeamsBot(
    {
      MicrosoftAppId: "0b4a2c1e-7d5f-4e3a-9c8b-1a2b3c4d5e6f",
      MicrosoftAppPassword: "pw~unavailable",
      MicrosoftAppType: "MultiTenant",
    },
    logged.log,
  );
});
afterAll(async () => {
  vi.restoreAllMocks();
  await bot.close();
});

describe("Teams token verification unavailable", () => {
  it("answers 503 (not 500) with a log line that says what to check, and /healthz reports it", async () => {
    const healthy = await fetch(`${bot.url}/healthz`);
    expect(healthy.status).toBe(200);
    const forged =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6IngiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2ln";
    const res = await postActivity(bot.url, personalMessage("https://smba.trafficmanager.net/emea/", "salary uk"), {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(res.status).toBe(503);
    expect(logged.lines.some((l) => /signing keys cannot be fetched.*login\.botframework\.com/.test(l))).toBe(true);
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: "down",
      channels: { teams: { ok: false, auth: "unavailable" } },
    });
  });
});
