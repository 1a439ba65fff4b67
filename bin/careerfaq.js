#!/usr/bin/env node
// careerfaq's command line: plain JavaScript from dist/, which `npm install` builds (`prepare`).
import module from "node:module";

// Node 22.1+ keeps compiled code between runs (in the OS's temporary folder, or NODE_COMPILE_CACHE);
// Node 20 has no such cache and skips this.
module.enableCompileCache?.();
// Output piped into `head` and the like: a closed pipe ends the command quietly.
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});
let cli;
try {
  cli = await import("../dist/cli/main.js");
} catch (err) {
  if (err.code !== "ERR_MODULE_NOT_FOUND" || !String(err.message).includes("dist/cli/main.js")) throw err;
  process.stderr.write("careerfaq: dist/ is missing: run `npm run build` (npm install runs it)\n");
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
