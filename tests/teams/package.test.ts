/** The Teams app package: manifest fields, icons, the zip, and the commands the bot really handles. */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decode, encode } from "fast-png";
import { afterAll, describe, expect, it } from "vitest";
import { commandsFor, commandText, TEAMS_COMMANDS, TEAMS_PROMPT_STARTERS } from "../../src/channels/teams/commands.ts";
import { toInbound } from "../../src/channels/teams/inbound.ts";
import { runTeamsPackage } from "../../src/channels/teams/package/cli.ts";
import { checkIcons, ICON_SIZES } from "../../src/channels/teams/package/icons.ts";
import { buildTeamsPackage } from "../../src/channels/teams/package/manifest.ts";
import { testEngine } from "../helpers/engine.ts";
import { personalMessage } from "../helpers/teams.ts";
import { unzip } from "../helpers/teamsZip.ts";

const ROOT = join(import.meta.dirname, "../..");
const TEMPLATE = JSON.parse(readFileSync(join(ROOT, "appPackage/manifest.json"), "utf8"));
const VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
const APP_ID = randomUUID();
const ICONS = {
  color: readFileSync(join(ROOT, "appPackage/color.png")),
  outline: readFileSync(join(ROOT, "appPackage/outline.png")),
};
/** An 8-bit RGBA PNG of `size`×`size`, every pixel `rgba`. */
const png = (size: number, rgba: number[]) =>
  Buffer.from(
    encode({
      width: size,
      height: size,
      channels: 4,
      depth: 8,
      data: new Uint8Array(size * size * 4).map((_, i) => rgba[i % 4]!),
    }),
  );
const tmp = mkdtempSync(join(tmpdir(), "careerfaq-teams-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const build = (overrides: Partial<Parameters<typeof buildTeamsPackage>[0]> = {}) =>
  buildTeamsPackage({ template: TEMPLATE, appId: APP_ID, version: VERSION, icons: ICONS, ...overrides });

describe("Teams app package", () => {
  const pkg = build();
  const files = unzip(pkg.zip);
  const manifest = JSON.parse(files.get("manifest.json")!.toString("utf8"));

  it("zips manifest.json and both icons at the root", () => {
    expect([...files.keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(files.get("color.png")!.equals(pkg.files[1]!.data)).toBe(true);
  });

  it("has the current schema's required fields, with the bot id from configuration", () => {
    const schemaVersion = /teams\/v(\d+)\.(\d+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema);
    expect(schemaVersion).not.toBeNull();
    expect(Number(schemaVersion![1]) * 100 + Number(schemaVersion![2])).toBeGreaterThanOrEqual(117);
    expect(manifest.manifestVersion).toBe(`${schemaVersion![1]}.${schemaVersion![2]}`);
    expect(manifest.version).toBe(VERSION);
    expect(manifest.id).toBe(APP_ID);
    for (const field of ["name", "websiteUrl", "privacyUrl", "termsOfUseUrl"])
      expect(manifest.developer[field]).toBeTruthy();
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.icons).toEqual({ color: "color.png", outline: "outline.png" });
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(manifest.validDomains).toEqual([]);
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect([...manifest.bots[0].scopes].sort()).toEqual(["groupChat", "personal", "team"]);
    expect(JSON.stringify(manifest)).not.toContain("${{");
  });

  it("uses manifest v1.27, whose prompt-type commands are the personal chat's prompt starters", () => {
    expect(manifest.manifestVersion).toBe("1.27");
    expect(manifest.$schema).toBe(
      "https://developer.microsoft.com/json-schemas/teams/v1.27/MicrosoftTeams.schema.json",
    );
    const personal = manifest.bots[0].commandLists.find((l: any) => l.scopes.includes("personal"));
    const starters = personal.commands.filter((c: any) => c.type === "prompt");
    expect(starters).toEqual(TEAMS_PROMPT_STARTERS);
    expect(starters.length).toBeGreaterThanOrEqual(3);
    for (const c of starters) expect(c.prompt.length).toBeGreaterThan(10);
  });

  it("lists, for each scope, exactly the commands the bot exports (at most 12 a list)", () => {
    const lists = manifest.bots[0].commandLists;
    expect(lists.map((l: any) => l.scopes)).toEqual([["personal"], ["team"], ["groupChat"]]);
    for (const list of lists) {
      expect(list.commands).toEqual(commandsFor(list.scopes[0]));
      expect(list.commands.length).toBeLessThanOrEqual(12);
      for (const c of list.commands) expect(c.description.length).toBeGreaterThan(0);
    }
    expect(commandsFor("team")).toEqual(TEAMS_COMMANDS);
  });

  it("handles every listed command: sent from Teams, each reaches the engine and is answered", async () => {
    const engine = testEngine();
    for (const command of commandsFor("personal")) {
      const text = commandText(command);
      const inbound = toInbound(personalMessage("http://127.0.0.1:1/", text) as never, { adminIds: [] });
      expect(inbound?.text).toBe(text);
      const [first] = await engine.handle({ ...inbound!, user: `teams:starter-${command.title}` });
      expect(first!.reply.outcome, `${text} → ${first!.reply.intent}`).toBe("answer");
      if (!command.prompt)
        expect(
          first!.reply.intent === text || first!.reply.intent.startsWith(`${text}-`),
          `${text} → ${first!.reply.intent}`,
        ).toBe(true);
    }
  });

  it("ships the committed icons: 192×192 in colour, and 32×32 white on transparent", () => {
    expect(files.get("color.png")!.equals(ICONS.color)).toBe(true);
    expect(files.get("outline.png")!.equals(ICONS.outline)).toBe(true);
    const color = decode(files.get("color.png")!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decode(files.get("outline.png")!);
    expect([outline.width, outline.height, outline.channels, outline.depth]).toEqual([32, 32, 4, 8]); // RGBA
    const pixels = Array.from({ length: 32 * 32 }, (_, i) => outline.data.subarray(i * 4, i * 4 + 4));
    const transparent = pixels.filter((p) => p[3] === 0).length;
    const visible = pixels.filter((p) => p[3]! > 0);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(visible.length).toBeGreaterThan(32 * 4);
    expect(visible.every((p) => p[0] === 255 && p[1] === 255 && p[2] === 255)).toBe(true);
    // the colour icon is opaque, with the glyph in the middle
    expect(color.channels).toBe(4);
    expect(color.data.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
    expect(checkIcons(ICONS)).toEqual([]);
  });

  it("is byte-for-byte the same for the same inputs", () => {
    expect(build().zip.equals(pkg.zip)).toBe(true);
  });

  it("warns while the developer URLs are still the template's placeholders", () => {
    expect(pkg.warnings.join("\n")).toMatch(/developer\.websiteUrl .*example\.com/);
  });

  it.each([
    [
      "an unknown placeholder",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest template syntax, not a JS template
      { template: { ...TEMPLATE, version: "${{NOPE}}" } },
      /unknown placeholder \$\{\{NOPE\}\}/,
    ],
    [
      "a command list that differs from the bot's",
      {
        template: {
          ...TEMPLATE,
          bots: [{ ...TEMPLATE.bots[0], commandLists: TEMPLATE.bots[0].commandLists.slice(1) }],
        },
      },
      /commandLists \(personal\).*What the role pays.*help, topics, assess/,
    ],
    [
      "a prompt starter whose prompt differs from the bot's",
      {
        template: {
          ...TEMPLATE,
          bots: [
            {
              ...TEMPLATE.bots[0],
              commandLists: TEMPLATE.bots[0].commandLists.map((l: any, i: number) =>
                i === 0
                  ? { ...l, commands: [{ ...l.commands[0], prompt: "something else" }, ...l.commands.slice(1)] }
                  : l,
              ),
            },
          ],
        },
      },
      /commandLists \(personal\)/,
    ],
    [
      "an older manifest version",
      { template: { ...TEMPLATE, manifestVersion: "1.22" } },
      /manifestVersion must be "1\.27"/,
    ],
    ["a short name over 30 characters", { template: { ...TEMPLATE, name: { short: "x".repeat(31) } } }, /name\.short/],
    ["an app id that is not a GUID", { appId: "not-a-guid" }, /MicrosoftAppId/],
    [
      "a colour icon of the wrong size",
      { icons: { ...ICONS, color: ICONS.outline } },
      /color\.png: must be 192×192 pixels, is 32×32/,
    ],
    [
      "an outline icon without transparency",
      { icons: { ...ICONS, outline: png(32, [255, 255, 255, 255]) } },
      /outline\.png: must have a transparent background/,
    ],
    [
      "an outline icon that is not a PNG",
      { icons: { ...ICONS, outline: Buffer.from("GIF89a") } },
      /outline\.png: not a PNG/,
    ],
    [
      "an outline icon without an alpha channel",
      {
        icons: {
          ...ICONS,
          outline: Buffer.from(
            encode({ width: 32, height: 32, channels: 3, depth: 8, data: new Uint8Array(32 * 32 * 3) }),
          ),
        },
      },
      /outline\.png: needs an alpha channel/,
    ],
  ])("refuses %s, naming what to fix", (_what, overrides, message) => {
    expect(() => build(overrides as never)).toThrow(message);
  });

  it("checks coloured pixels in an outline icon", () => {
    const rgba = new Uint8Array(32 * 32 * 4);
    rgba.set([255, 0, 0, 255], 0);
    const outline = Buffer.from(encode({ width: 32, height: 32, channels: 4, depth: 8, data: rgba }));
    expect(checkIcons({ color: ICONS.color, outline })).toEqual([
      "outline.png: must be white only (1 visible pixels are not white)",
    ]);
    expect(ICON_SIZES).toEqual({ color: 192, outline: 32 });
  });
});

describe("npm run teams:package", () => {
  const run = (env: Record<string, string | undefined>, out?: string) => {
    const printed: string[] = [];
    const errors: string[] = [];
    const code = runTeamsPackage({
      root: ROOT,
      env,
      ...(out ? { out } : {}),
      print: (l) => printed.push(l),
      error: (l) => errors.push(l),
    });
    return { code, printed, errors };
  };

  it("stops with a clear error naming MicrosoftAppId when it is not set", () => {
    const r = run({});
    expect(r.code).toBe(1);
    expect(r.errors.join("\n")).toMatch(/MicrosoftAppId is not set/);
  });

  it("stops when MicrosoftAppId is not a GUID", () => {
    const r = run({ MicrosoftAppId: "12345" });
    expect(r.code).toBe(1);
    expect(r.errors.join("\n")).toMatch(/MicrosoftAppId.*GUID/);
  });

  it("stops with a clear error naming the icon files when they are missing", () => {
    const root = join(tmp, "no-icons");
    mkdirSync(join(root, "appPackage"), { recursive: true });
    copyFileSync(join(ROOT, "package.json"), join(root, "package.json"));
    copyFileSync(join(ROOT, "appPackage/manifest.json"), join(root, "appPackage/manifest.json"));
    const errors: string[] = [];
    const code = runTeamsPackage({
      root,
      env: { MicrosoftAppId: APP_ID },
      print: () => {},
      error: (l) => errors.push(l),
    });
    expect(code).toBe(1);
    expect(errors.join("\n")).toMatch(/appPackage\/color\.png, appPackage\/outline\.png missing/);
  });

  it("writes the zip where asked", () => {
    const out = join(tmp, "nested", "careerfaq-teams.zip");
    const r = run({ MicrosoftAppId: APP_ID }, out);
    expect(r.code).toBe(0);
    expect(r.printed.join("\n")).toContain("Upload a custom app");
    const manifest = JSON.parse(unzip(readFileSync(out)).get("manifest.json")!.toString("utf8"));
    expect(manifest.bots[0].botId).toBe(APP_ID);
  });

  it("runs as a script (npm run teams:package) and fails without MicrosoftAppId", () => {
    const script = join(ROOT, "scripts/teams-package.ts");
    const env = { ...process.env, MicrosoftAppId: "" }; // an empty value also keeps a developer's .env out of it
    const failed = spawnSync(process.execPath, ["--import", "tsx", script], {
      cwd: ROOT,
      env,
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("MicrosoftAppId is not set");
    const out = join(tmp, "script.zip");
    const ok = spawnSync(process.execPath, ["--import", "tsx", script, "--out", out], {
      cwd: ROOT,
      env: { ...env, MicrosoftAppId: APP_ID },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(ok.status, ok.stderr).toBe(0);
    expect([...unzip(readFileSync(out)).keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
  });
});
