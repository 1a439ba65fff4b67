/**
 * npm run teams:package [-- --out FILE]: builds the Teams app package (manifest + icons, zipped) for
 * sideloading. The work is in src/channels/teams/package/; this only wires the process to it.
 */
import { join } from "node:path";
import { config as loadDotenv } from "dotenv";
import { runTeamsPackage } from "../src/channels/teams/package/cli.ts";

loadDotenv({ quiet: true });
const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? args[outAt + 1] : undefined;
process.exitCode = runTeamsPackage({
  root: join(import.meta.dirname, ".."),
  env: process.env,
  ...(out ? { out } : {}),
  print: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
});
