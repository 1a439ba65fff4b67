/** The Teams app package: manifest fields, icons, the zip, and the commands the bot really handles. */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toInbound } from "../../src/channels/teams/inbound.ts";
import { TEAMS_COMMANDS } from "../../src/channels/teams/index.ts";
import { runTeamsPackage } from "../../src/channels/teams/package/cli.ts";
import { colorIcon, outlineIcon } from "../../src/channels/teams/package/icons.ts";
import { buildTeamsPackage, checkIcons, ICON_SIZES } from "../../src/channels/teams/package/manifest.ts";
import { decodePng, encodePng, readPngHeader } from "../../src/channels/teams/package/png.ts";
import { testEngine } from "../helpers/engine.ts";
import { personalMessage } from "../helpers/teams.ts";
import { unzip } from "../helpers/teamsZip.ts";

const ROOT = join(import.meta.dirname, "../..");
const TEMPLATE = JSON.parse(readFileSync(join(ROOT, "appPackage/manifest.json"), "utf8"));
const VERSION = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
const APP_ID = randomUUID();
const tmp = mkdtempSync(join(tmpdir(), "careerfaq-teams-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const build = (overrides: Partial<Parameters<typeof buildTeamsPackage>[0]> = {}) =>
  buildTeamsPackage({ template: TEMPLATE, appId: APP_ID, version: VERSION, ...overrides });

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

  it("lists, for each scope, exactly the commands the bot exports", () => {
    const lists = manifest.bots[0].commandLists;
    expect(lists.map((l: any) => l.scopes)).toEqual([["personal"], ["team"], ["groupChat"]]);
    for (const list of lists) {
      expect(list.commands).toEqual(TEAMS_COMMANDS);
      for (const c of list.commands) expect(c.description.length).toBeGreaterThan(0);
    }
  });

  it("handles every listed command: typed in Teams, each reaches the engine and gets its own answer", async () => {
    const engine = testEngine();
    for (const { title } of TEAMS_COMMANDS) {
      const inbound = toInbound(personalMessage("http://127.0.0.1:1/", title) as never, { adminIds: [] });
      expect(inbound?.text).toBe(title);
      const [first] = await engine.handle(inbound!);
      expect(
        first!.reply.intent === title || first!.reply.intent.startsWith(`${title}-`),
        `${title} → ${first!.reply.intent}`,
      ).toBe(true);
    }
  });

  it("ships a 192×192 colour icon and a 32×32 outline icon that is white on transparent", () => {
    const color = readPngHeader(files.get("color.png")!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(files.get("outline.png")!);
    expect([outline.header.width, outline.header.height]).toEqual([32, 32]);
    expect([4, 6]).toContain(outline.header.colorType); // has an alpha channel
    const pixels = Array.from({ length: 32 * 32 }, (_, i) => outline.rgba.subarray(i * 4, i * 4 + 4));
    const transparent = pixels.filter((p) => p[3] === 0).length;
    const visible = pixels.filter((p) => p[3]! > 0);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(visible.length).toBeGreaterThan(32 * 4);
    expect(visible.every((p) => p[0] === 255 && p[1] === 255 && p[2] === 255)).toBe(true);
    // the colour icon is opaque, with the glyph in the middle
    const rgba = decodePng(files.get("color.png")!).rgba;
    expect(rgba.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
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
      /commandLists \(personal\).*help, topics, assess/,
    ],
    ["a short name over 30 characters", { template: { ...TEMPLATE, name: { short: "x".repeat(31) } } }, /name\.short/],
    ["an app id that is not a GUID", { appId: "not-a-guid" }, /MicrosoftAppId/],
    [
      "a colour icon of the wrong size",
      { icons: { color: outlineIcon() } },
      /color\.png: must be 192×192 pixels, is 32×32/,
    ],
    [
      "an outline icon without transparency",
      { icons: { outline: encodePng(32, 32, new Uint8Array(32 * 32 * 4).fill(255)) } },
      /outline\.png: must have a transparent background/,
    ],
    ["an outline icon that is not a PNG", { icons: { outline: Buffer.from("GIF89a") } }, /outline\.png: not a PNG/],
  ])("refuses %s, naming what to fix", (_what, overrides, message) => {
    expect(() => build(overrides as never)).toThrow(message);
  });

  it("checks coloured pixels in an outline icon", () => {
    const rgba = new Uint8Array(32 * 32 * 4);
    rgba.set([255, 0, 0, 255], 0);
    expect(checkIcons({ color: colorIcon(), outline: encodePng(32, 32, rgba) })).toEqual([
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
