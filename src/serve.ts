/**
 * `node dist/serve.js`: the bot's server as a plain Node process, for a process manager (systemd,
 * Docker, pm2) to run and signal directly; `npm start` runs exactly this. Same as `careerfaq serve`.
 */
import module from "node:module";

// Node 22.1+ keeps compiled code between starts (see bin/careerfaq.js); Node 20 skips this.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import("./cli/main.ts");
process.exitCode = await main(["serve", ...process.argv.slice(2)]);
