/** One salary figure in words, shared by the pay answers (salary.ts) and their leads (salary-lead.ts). */
import type { SalaryFigure } from "../model/salary.ts";
import { money } from "./compose.ts";

/** "$121,000 average", "about $124,000 average", "$96,000 to $154,000", "up to $158,000", "$60.41 an hour". */
export function describeFigure(f: SalaryFigure): string {
  const about = f.approx ? "about " : "";
  if (f.period === "hour") return `${about}${money(f.hourly!, f.currency)} an hour`;
  switch (f.kind) {
    case "average":
      return `${about}${money(f.amount!, f.currency)} average`;
    case "range":
      return `${money(f.min!, f.currency)} to ${money(f.max!, f.currency)} range`;
    case "upper":
      return `up to ${money(f.amount!, f.currency)}`;
    case "level":
      return `${money(f.amount!, f.currency)}`;
  }
}
