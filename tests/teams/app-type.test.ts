/**
 * New Azure Bots can no longer be multi-tenant (creation deprecated after 31 July 2025): the bot's
 * MicrosoftAppType defaults to SingleTenant, which needs MicrosoftAppTenantId (a clear error names it),
 * and an existing multi-tenant registration keeps working when MicrosoftAppType=MultiTenant is set.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { teamsChannel } from "../../src/channels/teams/index.ts";
import { loadConfig } from "../../src/config.ts";
import { ConfigError } from "../../src/core/errors.ts";
import { MemoryStore } from "../../src/stores/memory.ts";
import { testEngine } from "../helpers/engine.ts";
import { captureLog } from "../helpers/teams.ts";

const APP_ID = randomUUID();
const TENANT = randomUUID();

async function start(env: Record<string, string>) {
  const { log, lines } = captureLog();
  const config = loadConfig({ STORE: "memory", ...env });
  const channel = await teamsChannel({ config, engine: testEngine(), store: new MemoryStore(), log });
  return { channel, log: lines.join("\n"), config };
}

describe("MicrosoftAppType", () => {
  it("defaults to SingleTenant", () => {
    expect(loadConfig({ STORE: "memory" }).MicrosoftAppType).toBe("SingleTenant");
  });

  it("then requires MicrosoftAppTenantId, with an error that names it and says how to fix it", () => {
    let error: unknown;
    try {
      loadConfig({ STORE: "memory", MicrosoftAppId: APP_ID, MicrosoftAppPassword: "secret-value" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/MicrosoftAppTenantId: required for a single-tenant bot/);
    expect(message).toMatch(/Tenant ID/);
    expect(message).toMatch(/MicrosoftAppType=MultiTenant/);
    expect(message).not.toContain("secret-value");
  });

  it("a single-tenant bot with its tenant id starts authenticated, as SingleTenant", async () => {
    const { channel, log, config } = await start({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "x",
      MicrosoftAppTenantId: TENANT,
    });
    expect(config.MicrosoftAppType).toBe("SingleTenant");
    expect(channel?.name).toBe("teams");
    expect(log).toMatch(/requests authenticated.*appType=SingleTenant/);
    expect(log).not.toContain(TENANT); // nothing of the credentials is logged but the app id's end
  });

  it("a multi-tenant registration still works when MicrosoftAppType=MultiTenant is set, without a tenant id", async () => {
    const { channel, log } = await start({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "x",
      MicrosoftAppType: "MultiTenant",
    });
    expect(channel?.name).toBe("teams");
    expect(log).toMatch(/appType=MultiTenant/);
  });

  it("local mode (no MicrosoftAppId) needs none of it", async () => {
    const { channel, log } = await start({});
    expect(channel?.name).toBe("teams");
    expect(log).toMatch(/local mode/);
  });
});
