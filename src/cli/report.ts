/** `careerfaq report [--days N]`: the bot's own KPIs from the configured store, as plain text. */
import { createEngine } from "../app.ts";
import type { Config } from "../config.ts";
import { renderText } from "../core/render-text.ts";
import { createLogger } from "../log.ts";
import { openStore } from "../stores/open.ts";

export async function reportCommand(config: Config, daysOption: string | undefined): Promise<number> {
  const days = daysOption === undefined ? 30 : Number(daysOption);
  if (!Number.isInteger(days) || days < 1) {
    process.stderr.write("careerfaq report: --days takes a whole number of days, e.g. --days 7\n");
    return 2;
  }
  const store = await openStore(config, createLogger({ level: "warn" }));
  try {
    process.stdout.write(`${renderText(await createEngine(config, { store }).stats({ admin: true }, days))}\n`);
  } finally {
    await store.close();
  }
  return 0;
}
