#!/usr/bin/env node
// careerfaq's command line. The sources are TypeScript; tsx compiles them on load (no build step).
import { register } from "tsx/esm/api";

register();
// Output piped into `head` and the like: a closed pipe ends the command quietly.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
