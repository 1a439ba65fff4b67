/** Authenticated mode: with MicrosoftAppId, botbuilder checks every request's token before any handler runs. */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { teamsChannel } from "../../src/channels/teams/index.ts";
import { loadConfig } from "../../src/config.ts";
import type { RunningServer } from "../../src/server.ts";
import { MemoryStore } from "../../src/stores/memory.ts";
import { testEngine } from "../helpers/engine.ts";
import {
  captureLog,
  cardOf,
  channelMention,
  type FakeConnector,
  personalMessage,
  postActivity,
  startFakeConnector,
  startTeamsBot,
} from "../helpers/teams.ts";
import { botFrameworkTokens, connectorClaims, OUTGOING_TOKEN, type TokenKit } from "../helpers/teamsAuth.ts";

const APP_ID = randomUUID();
const PASSWORD = `pw~${randomUUID()}`;

let bot: RunningServer;
let connector: FakeConnector;
let handled = 0;
let tokens: TokenKit;
const logged = captureLog();

beforeAll(async () => {
  tokens = botFrameworkTokens();
  connector = await startFakeConnector();
  bot = await startTeamsBot(
    { MicrosoftAppId: APP_ID, MicrosoftAppPassword: PASSWORD, MicrosoftAppType: "MultiTenant" },
    logged.log,
  );
  const handle = bot.engine.handle.bind(bot.engine);
  vi.spyOn(bot.engine, "handle").mockImplementation(async (inbound) => {
    handled++;
    return handle(inbound);
  });
  vi.spyOn(console, "error").mockImplementation(() => {}); // CloudAdapter prints the AuthenticationError itself
});
afterEach(() => {
  connector.reset();
  handled = 0;
});
afterAll(async () => {
  tokens.done();
  vi.restoreAllMocks();
  await bot.close();
  await connector.close();
});

describe("Teams with MicrosoftAppId", () => {
  it("logs one line saying it authenticates, with only the app id's last four characters", () => {
    const lines = logged.lines.filter((l) => l.includes("Teams is on"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("authenticated");
    expect(lines[0]).toContain(`…${APP_ID.slice(-4)}`);
    expect(logged.lines.join("\n")).not.toContain(APP_ID);
    expect(logged.lines.join("\n")).not.toContain(PASSWORD);
  });

  it("rejects a request without a token with 401; no handler runs and nothing is sent", async () => {
    const res = await postActivity(bot.url, channelMention(connector.url, "salary uk"));
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ error: "unauthorized" });
    expect(handled).toBe(0);
    expect(connector.calls).toHaveLength(0);
  });

  it.each([
    ["a bearer token that is not a JWT", "Bearer not-a-jwt"],
    ["another scheme", `Basic ${Buffer.from("user:pass").toString("base64")}`],
  ])("rejects %s with 401", async (_what, authorization) => {
    const res = await postActivity(bot.url, personalMessage(connector.url, "salary uk"), {
      headers: { authorization },
    });
    expect(res.status).toBe(401);
    expect(handled).toBe(0);
    expect(connector.calls).toHaveLength(0);
  });

  it.each([
    [
      "signed with a key the Bot Framework did not publish",
      () => tokens.token(connectorClaims(APP_ID, connector.url), { key: tokens.strangerKey }),
    ],
    ["for another bot", () => tokens.token(connectorClaims(randomUUID(), connector.url))],
    [
      "expired",
      () => tokens.token({ ...connectorClaims(APP_ID, connector.url), exp: Math.floor(Date.now() / 1000) - 3600 }),
    ],
    [
      "from another issuer",
      () => tokens.token({ ...connectorClaims(APP_ID, connector.url), iss: "https://sts.example.com" }),
    ],
    [
      "issued for another serviceUrl",
      () => tokens.token(connectorClaims(APP_ID, "https://smba.trafficmanager.net/amer/")),
    ],
  ])("rejects a token %s with 401; nothing runs, nothing is sent", async (_what, make) => {
    const res = await postActivity(bot.url, personalMessage(connector.url, "salary uk"), {
      headers: { authorization: `Bearer ${make()}` },
    });
    expect(res.status).toBe(401);
    expect(handled).toBe(0);
    expect(connector.calls).toHaveLength(0);
  });

  it("answers a request with a valid token, replying with the bot's own token", async () => {
    const activity = personalMessage(connector.url, "salary uk");
    const res = await postActivity(bot.url, activity, {
      headers: { authorization: `Bearer ${tokens.token(connectorClaims(APP_ID, connector.url))}` },
    });
    expect(res.status).toBe(200);
    expect(handled).toBe(1);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]!.authorization).toBe(`Bearer ${OUTGOING_TOKEN}`);
    expect(cardOf(connector.calls[0]!).type).toBe("AdaptiveCard");
    expect(tokens.tokenRequests.at(-1)).toContain(`client_id=${APP_ID}`);
    expect(tokens.tokenRequests.at(-1)).toContain("scope=https%3A%2F%2Fapi.botframework.com%2F.default");
  });

  it("does not restrict serviceUrl to this machine: the token is what is checked", async () => {
    const serviceUrl = "https://smba.trafficmanager.net/amer/";
    const res = await postActivity(bot.url, personalMessage(serviceUrl, "salary uk"));
    expect(res.status).toBe(401); // no token, so no reply; but not the local-mode 403
  });
});

describe("Teams configuration", () => {
  const ctx = (env: Record<string, string>) => ({
    config: loadConfig({ STORE: "memory", ...env }),
    engine: testEngine(),
    store: new MemoryStore(),
    log: captureLog().log,
  });

  it("is on in local mode without MicrosoftAppId, saying how to connect to Teams", async () => {
    const { log, lines } = captureLog();
    const channel = await teamsChannel({ ...ctx({}), log });
    expect(channel?.name).toBe("teams");
    expect(channel?.routes.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/messages"]);
    expect(lines.filter((l) => l.includes("Teams is on"))).toHaveLength(1);
    expect(lines[0]).toMatch(/local mode.*no authentication.*MicrosoftAppId/);
  });

  it.each([
    [{ MicrosoftAppId: APP_ID }, "MicrosoftAppPassword"],
    [{ MicrosoftAppId: APP_ID, MicrosoftAppPassword: "x", MicrosoftAppType: "SingleTenant" }, "MicrosoftAppTenantId"],
    [{ MicrosoftAppId: "not-a-guid", MicrosoftAppPassword: "x" }, "MicrosoftAppId"],
    [{ MicrosoftAppPassword: "x" }, "MicrosoftAppId"],
  ])("refuses to start with %o, naming %s", (env, variable) => {
    expect(() => loadConfig({ STORE: "memory", ...env })).toThrow(variable);
  });

  it("refuses a password with a managed identity, naming MicrosoftAppPassword", async () => {
    const env = {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "x",
      MicrosoftAppType: "UserAssignedMSI",
      MicrosoftAppTenantId: randomUUID(),
    };
    await expect(teamsChannel(ctx(env))).rejects.toThrow(/MicrosoftAppPassword/);
  });

  it("accepts SingleTenant and UserAssignedMSI configurations", async () => {
    const tenant = randomUUID();
    const envs: Record<string, string>[] = [
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: "x",
        MicrosoftAppType: "SingleTenant",
        MicrosoftAppTenantId: tenant,
      },
      { MicrosoftAppId: APP_ID, MicrosoftAppType: "UserAssignedMSI", MicrosoftAppTenantId: tenant },
    ];
    for (const env of envs) {
      const { log, lines } = captureLog();
      const channel = await teamsChannel({ ...ctx(env), log });
      expect(channel?.name).toBe("teams");
      expect(lines.join("\n")).toContain(`appType=${env.MicrosoftAppType}`);
    }
  });
});
