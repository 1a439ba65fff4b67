/** The log masker (issue 11, item 15): secret values are masked, the words around them are not. */
import { describe, expect, it } from "vitest";
import { createLogger, redact } from "../src/log.ts";

describe("redact", () => {
  it("keeps prose that names a secret: 'check SLACK_BOT_TOKEN' stays readable", () => {
    const line = "Slack rejected the bot token: check SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token)";
    expect(redact(line)).toBe(line);
    expect(redact(JSON.stringify({ msg: line }))).toBe(JSON.stringify({ msg: line }));
  });

  it("masks values: tokens, bearer credentials, URL passwords, key=value secrets, JSON secret fields", () => {
    const out = redact(
      'xoxb-1234-5678-abcdefgh Bearer eyJhbGciOiJSUzI1NiJ9.abc redis://user:hunter2@host password=hunter2 token: abc.def-ghi {"client_secret":"plain words"}',
    );
    for (const secret of [
      "1234-5678-abcdefgh",
      "eyJhbGciOiJSUzI1NiJ9",
      ":hunter2@",
      "=hunter2",
      "abc.def-ghi",
      "plain words",
    ])
      expect(out).not.toContain(secret);
  });

  it("masks a field named like a secret, whatever its value", () => {
    const lines: string[] = [];
    createLogger({ write: (l) => lines.push(l), json: true }).info("x", { appPassword: "short", count: 3 });
    expect(lines[0]).toContain('"appPassword":"***"');
    expect(lines[0]).toContain('"count":3');
  });
});
