/**
 * `npm run teams:package`: reads MicrosoftAppId (environment or .env), appPackage/manifest.json, the
 * version from package.json and the icons appPackage/color.png and outline.png, and writes the zip to
 * upload in Teams (Apps → Manage your apps → Upload a custom app). Returns the exit code.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { ConfigSchema } from "../../../config.ts";
import { CareerfaqError } from "../../../core/errors.ts";
import { buildTeamsPackage } from "./manifest.ts";

export const DEFAULT_OUT = "appPackage/build/careerfaq-teams.zip";
const ICON_FILES = ["appPackage/color.png", "appPackage/outline.png"] as const;

export interface PackageRun {
  /** The project folder (holds package.json and appPackage/). */
  root: string;
  env: Record<string, string | undefined>;
  /** Where to write the zip (default appPackage/build/careerfaq-teams.zip under root). */
  out?: string;
  print(line: string): void;
  error(line: string): void;
}

export function runTeamsPackage(run: PackageRun): number {
  const appId = run.env.MicrosoftAppId?.trim();
  if (!appId) {
    run.error(
      "teams:package: MicrosoftAppId is not set. Set it (in the environment or .env) to the Microsoft App ID of your Azure Bot resource (Azure portal → your bot → Configuration); the app package names the bot by it.",
    );
    return 1;
  }
  const checked = ConfigSchema.shape.MicrosoftAppId.safeParse(appId);
  if (!checked.success) {
    run.error(`teams:package: MicrosoftAppId: ${checked.error.issues[0]?.message ?? "must be a GUID"}`);
    return 1;
  }
  try {
    const read = (file: string) => readFileSync(join(run.root, file));
    let template: unknown;
    try {
      template = JSON.parse(read("appPackage/manifest.json").toString("utf8"));
    } catch (err) {
      run.error(`teams:package: appPackage/manifest.json: ${(err as Error).message}`);
      return 1;
    }
    const version = (JSON.parse(read("package.json").toString("utf8")) as { version?: string }).version ?? "1.0.0";
    const missing = ICON_FILES.filter((file) => !existsSync(join(run.root, file)));
    if (missing.length > 0) {
      run.error(`teams:package: ${missing.join(", ")} missing: the app package needs both icons (see docs/teams.md)`);
      return 1;
    }
    const [color, outline] = ICON_FILES.map(read) as [Buffer, Buffer];
    const icons = { color, outline };
    const pkg = buildTeamsPackage({ template, appId, version, icons });
    const out = run.out ?? join(run.root, DEFAULT_OUT);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, pkg.zip);
    for (const w of pkg.warnings) run.error(`teams:package: warning: ${w}`);
    run.print(
      `Wrote ${relative(process.cwd(), out) || out} (${pkg.zip.length} bytes): ${pkg.files.map((f) => f.name).join(", ")}`,
    );
    run.print(
      `Teams app ${pkg.manifest.name.short} ${pkg.manifest.version}, bot …${appId.slice(-4)}. Upload it in Teams: Apps → Manage your apps → Upload an app → Upload a custom app.`,
    );
    return 0;
  } catch (err) {
    if (err instanceof CareerfaqError) {
      run.error(`teams:package: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
