/** "stats", "report last 7 days", "stats week": the bot's own KPIs, for admins (Engine.stats says no to others). */
import { privately, type Route } from "./route.ts";

const PERIODS: Record<string, number> = { today: 1, week: 7, month: 30, year: 365 };
const STATS =
  /^(stats|statistics|report|kpis report)(?:\s+(?:last\s+)?(\d{1,3})\s*(?:d|days?)?|\s+(today|week|month|year))?$/;

const statsAsked = (text: string | undefined) => STATS.exec((text ?? "").trim().toLowerCase());

export const statsRoute: Route = {
  name: "stats",
  select: ({ inbound }) => !inbound.action && statsAsked(inbound.text) !== null,
  handle: async ({ inbound }, { stats }) => {
    const asked = statsAsked(inbound.text)!;
    return privately(await stats(inbound, asked[2] ? Number(asked[2]) : PERIODS[asked[3] ?? "month"]!));
  },
};
