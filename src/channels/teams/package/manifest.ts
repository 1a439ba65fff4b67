/**
 * The Teams app package: appPackage/manifest.json (a template) with the bot id and version filled in,
 * the two icons, checked and zipped (fflate). Every problem is reported with the file and field to fix.
 */
import { zipSync } from "fflate";
import { ConfigError } from "../../../core/errors.ts";
import { commandsFor, TEAMS_COMMAND_SCOPES } from "../commands.ts";
import { checkIcons } from "./icons.ts";

/** The current app manifest version: v1.27 (April 2026) added prompt-type bot commands (prompt starters). */
export const MANIFEST_VERSION = "1.27";
export const MANIFEST_SCHEMA = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
/** Every entry gets this time, so that the same inputs give the same bytes (ZIP's epoch, local time). */
const ZIP_TIME = new Date(1980, 0, 1);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** A manifest as parsed JSON: its fields are checked one by one in checkManifest. */
// biome-ignore lint/suspicious/noExplicitAny: arbitrary JSON, read field by field below
export type ManifestJson = Record<string, any>;

export interface PackageInput {
  /** The parsed appPackage/manifest.json. */
  template: unknown;
  /** MicrosoftAppId: the Azure Bot's app id; the Teams app id and the bot id. */
  appId: string;
  /** The app version (package.json). */
  version: string;
  /** appPackage/color.png and appPackage/outline.png. */
  icons: { color: Buffer; outline: Buffer };
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

export interface TeamsPackage {
  manifest: ManifestJson;
  files: ZipEntry[];
  zip: Buffer;
  /** Things that do not stop sideloading but should be fixed before publishing. */
  warnings: string[];
}

export function buildTeamsPackage(input: PackageInput): TeamsPackage {
  if (!GUID.test(input.appId))
    throw new ConfigError(["MicrosoftAppId: must be the bot's Microsoft App ID (a GUID from the Azure Bot resource)"]);
  const manifest = fill(input.template, { MicrosoftAppId: input.appId, APP_VERSION: input.version }) as ManifestJson;
  const { color, outline } = input.icons;
  const problems = [...checkManifest(manifest), ...checkIcons({ color, outline })];
  if (problems.length > 0) throw new ConfigError(problems);
  const files: ZipEntry[] = [
    { name: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8") },
    { name: manifest.icons.color, data: color },
    { name: manifest.icons.outline, data: outline },
  ];
  const warnings = Object.entries(manifest.developer as Record<string, unknown>)
    .filter(([, v]) => typeof v === "string" && /^https:\/\/example\.com\b/.test(v))
    .map(
      ([k]) =>
        `appPackage/manifest.json: developer.${k} still points at example.com; set your organisation's page before publishing (sideloading works as is)`,
    );
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, new Uint8Array(f.data)])), {
    level: 9,
    mtime: ZIP_TIME,
  });
  return { manifest, files, zip: Buffer.from(zip), warnings };
}

/** Replaces ${{NAME}} in every string of the template; an unknown name is an error. */
function fill(template: unknown, values: Record<string, string>): unknown {
  const unknown = new Set<string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === "string")
      return v.replace(PLACEHOLDER, (_m, name: string) => {
        if (name in values) return values[name]!;
        unknown.add(name);
        return _m;
      });
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = walk(template);
  if (unknown.size > 0)
    throw new ConfigError(
      [...unknown].map(
        (n) => `appPackage/manifest.json: unknown placeholder \${{${n}}} (known: ${Object.keys(values).join(", ")})`,
      ),
    );
  return out;
}

const str = (v: unknown): v is string => typeof v === "string" && v.length > 0;

/** The manifest's required fields, their limits, the bot entry and its command lists. */
export function checkManifest(m: ManifestJson): string[] {
  const problems: string[] = [];
  const where = (field: string, message: string) => problems.push(`appPackage/manifest.json: ${field} ${message}`);
  if (m.$schema !== MANIFEST_SCHEMA) where("$schema", `must be ${MANIFEST_SCHEMA}`);
  if (m.manifestVersion !== MANIFEST_VERSION) where("manifestVersion", `must be "${MANIFEST_VERSION}"`);
  if (!str(m.version) || !/^\d+\.\d+\.\d+/.test(m.version))
    where("version", "must be a semantic version such as 1.0.0");
  if (!str(m.id) || !GUID.test(m.id)) where("id", "must be a GUID (the Microsoft App ID)");
  for (const field of ["name", "websiteUrl", "privacyUrl", "termsOfUseUrl"]) {
    const v = m.developer?.[field];
    if (!str(v)) where(`developer.${field}`, "is required");
    else if (field === "name" ? v.length > 32 : !/^https:\/\//.test(v))
      where(`developer.${field}`, field === "name" ? "must be at most 32 characters" : "must be an https:// URL");
  }
  if (!str(m.name?.short) || m.name.short.length > 30) where("name.short", "is required, at most 30 characters");
  if (m.name?.full !== undefined && (!str(m.name.full) || m.name.full.length > 100))
    where("name.full", "must be at most 100 characters");
  if (!str(m.description?.short) || m.description.short.length > 80)
    where("description.short", "is required, at most 80 characters");
  if (!str(m.description?.full) || m.description.full.length > 4000)
    where("description.full", "is required, at most 4000 characters");
  if (!str(m.icons?.color) || !str(m.icons?.outline)) where("icons", "needs color and outline file names");
  if (!str(m.accentColor) || !/^#[0-9a-f]{6}$/i.test(m.accentColor))
    where("accentColor", "must be a colour such as #1F6F8B");
  const bots = Array.isArray(m.bots) ? m.bots : [];
  if (bots.length !== 1) return [...problems, "appPackage/manifest.json: bots must hold exactly one bot"];
  const bot = bots[0];
  if (bot.botId !== m.id) where("bots[0].botId", "must be the Microsoft App ID (the same as id)");
  if (!sameSet(bot.scopes, TEAMS_COMMAND_SCOPES)) where("bots[0].scopes", `must be ${TEAMS_COMMAND_SCOPES.join(", ")}`);
  const lists: ManifestJson[] = Array.isArray(bot.commandLists) ? bot.commandLists : [];
  for (const scope of TEAMS_COMMAND_SCOPES) {
    const list = lists.find((l) => Array.isArray(l.scopes) && l.scopes.includes(scope));
    const listed = Array.isArray(list?.commands) ? list.commands : [];
    const expected = commandsFor(scope);
    const same =
      listed.length === expected.length &&
      expected.every((c, i) => JSON.stringify(pick(listed[i])) === JSON.stringify(pick(c as ManifestJson)));
    if (!same) {
      where(
        `bots[0].commandLists (${scope})`,
        `must list the commands the bot handles: ${expected.map((c) => c.title).join(", ")} (src/channels/teams/commands.ts)`,
      );
    }
  }
  if (!Array.isArray(m.validDomains)) where("validDomains", "must be a list (empty for a bot-only app)");
  return problems;
}

/** A command's fields, in one order, for comparing the template with commands.ts. */
function pick(c: ManifestJson | undefined): unknown[] {
  return [c?.title, c?.description, c?.type ?? "basic", c?.prompt];
}

function sameSet(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && b.every((x) => a.includes(x));
}
