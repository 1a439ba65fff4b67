/**
 * The engine's table block (figures side by side) as a Block Kit `table` block: the column titles as
 * the first row, then one row per figure with its citation markers in its last cell. A table longer
 * than one table block allows (rows, characters, the message's blocks budget) becomes several, each
 * with the titles again; they go to separate messages, since a message holds one table. Cells are
 * raw_text: Slack shows them as typed and never parses them for mentions or links.
 */
import type { Block, Cites } from "../../core/types.ts";
import { blockChars, type RawText, type TableBlock } from "./blocks.ts";
import { SLACK_LIMITS as L } from "./limits.ts";

export type TableIn = Extract<Block, { type: "table" }>;

/** Room kept beside a table in its message (a heading, a line of text, the Share button). */
const ROOM_BESIDE = 1_500;
/** What an empty cell shows: raw_text must not be empty. */
const EMPTY_CELL = "–";

const cell = (text: string): RawText => ({ type: "raw_text", text: text.trim() || EMPTY_CELL });

/**
 * The table as table blocks, each with the part of the engine's table it shows; null when it cannot be
 * one (no rows, no columns or more than 20, or a row too long for any table block): the caller renders
 * it as lines instead.
 */
export function tableBlocks(
  table: TableIn,
  mark: (cites?: Cites) => string,
): { block: TableBlock; part: TableIn }[] | null {
  const width = table.columns.length;
  if (width === 0 || width > L.tableCells || table.rows.length === 0) return null;
  const titles = table.columns.map(cell);
  const rows = table.rows.map((r) => {
    const cells = Array.from({ length: width }, (_, i) => r.cells[i] ?? "");
    cells[width - 1] = `${cells[width - 1]}${mark(r.sources)}`;
    return cells.map(cell);
  });
  const settings = table.columns.map(() => ({ is_wrapped: true }));
  const make = (body: RawText[][]): TableBlock => ({
    type: "table",
    rows: [titles, ...body],
    column_settings: settings,
  });
  const textOf = (row: RawText[]) => row.reduce((n, c) => n + c.text.length, 0);
  const out: { block: TableBlock; part: TableIn }[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let text = textOf(titles);
    while (end < rows.length) {
      const grown = text + textOf(rows[end]!);
      const fits =
        end - start + 2 <= L.tableRows &&
        grown <= L.tableChars &&
        blockChars(make(rows.slice(start, end + 1))) <= L.messageBlocksChars - ROOM_BESIDE;
      if (!fits) break;
      text = grown;
      end++;
    }
    if (end === start) return null; // one row alone is too long for a table block
    out.push({ block: make(rows.slice(start, end)), part: { ...table, rows: table.rows.slice(start, end) } });
    start = end;
  }
  return out;
}
