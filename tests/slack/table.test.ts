/**
 * Figures side by side as a Block Kit table block (one per message, ≤ 100 rows, ≤ 20 cells a row,
 * raw_text cells with citation markers), with the whole table in the plain-text fallback; and the
 * largest replies the bot can produce against Slack's total-blocks limit (msg_blocks_too_long).
 */
import type { types } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { SLACK_LIMITS as L } from "../../src/channels/slack/limits.ts";
import { renderHome, renderMessages, type SlackBlock, type SlackMessage } from "../../src/channels/slack/render.ts";
import { ACTIONS, type Block, type Reply, type SourceRef, type TableRow } from "../../src/core/types.ts";
import { testCatalog, testEngine } from "../helpers/engine.ts";
import { expectAllValid } from "../helpers/slack-blocks.ts";

const reply = (blocks: Block[]): Reply => ({ outcome: "answer", intent: "salary", confidence: 1, blocks });
const source = (i: number): SourceRef => ({
  id: `s${i}`,
  short: `Source ${i} (2025)`,
  title: `Title ${i}`,
  publisher: `Publisher ${i}`,
  date: "2025-01-01",
});
const SOURCES: Block = { type: "sources", sources: [source(1), source(2), source(3)] };

type Table = Extract<SlackBlock, { type: "table" }>;
const tablesIn = (messages: SlackMessage[]): Table[] =>
  messages.flatMap((m) => m.blocks.filter((b): b is Table => b.type === "table"));
const cellTexts = (t: Table) => t.rows.map((r) => r.map((c) => c.text));

/** A salary-by-source table as the engine builds them: one row per figure, each with its source. */
function salaryTable(rows: number, columns = ["Source", "Country", "Level", "Median"]): Block {
  const body: TableRow[] = Array.from({ length: rows }, (_, i) => ({
    cells: columns.map((c, j) => (j === 0 ? `Source ${(i % 3) + 1}` : `${c} ${i}`)),
    sources: [`s${(i % 3) + 1}`],
  }));
  return { type: "table", columns, rows: body };
}

describe("table block", () => {
  it("renders the titles, then one row per figure with its citation markers, as raw_text", () => {
    const table: Block = {
      type: "table",
      columns: ["Source", "Median", "Range"],
      rows: [
        { cells: ["Zippia", "$97,000", "$60k–$150k"], sources: ["s1"] },
        { cells: ["Salary.com", "", "$110k–$160k"], sources: ["s2", "s3"] },
      ],
    };
    const [m, ...rest] = renderMessages(reply([{ type: "heading", text: "Salary", level: 1 }, table, SOURCES]));
    expect(rest).toEqual([]);
    const [t] = tablesIn([m!]);
    expect(cellTexts(t!)).toEqual([
      ["Source", "Median", "Range"],
      ["Zippia", "$97,000", "$60k–$150k [1]"],
      ["Salary.com", "–", "$110k–$160k [2][3]"], // an empty cell is never sent empty
    ]);
    expect(t!.rows.flat().every((c) => c.type === "raw_text")).toBe(true);
    expect(t!.column_settings).toEqual([{ is_wrapped: true }, { is_wrapped: true }, { is_wrapped: true }]);
    // the same shape as @slack/types' TableBlock (a compile-time check as much as a runtime one)
    const sdk: types.TableBlock = t!;
    expect(sdk.type).toBe("table");
    // the plain-text fallback holds the whole table, with its markers, and the sources
    expect(m!.text).toContain("Source | Median | Range");
    expect(m!.text).toContain("Zippia | $97,000 | $60k–$150k [1]");
    expect(m!.text).toContain("Salary.com |  | $110k–$160k [2][3]");
    expect(m!.text).toMatch(/\[3\] Source 3 \(2025\)/);
  });

  it("keeps raw text raw: a cell that looks like a mention is sent as typed, and pings nobody", () => {
    const [m] = renderMessages(
      reply([{ type: "table", columns: ["A", "B"], rows: [{ cells: ["<!channel> & <@U1>", "x"] }] }]),
    );
    expect(cellTexts(tablesIn([m!])[0]!)[1]).toEqual(["<!channel> & <@U1>", "x"]);
    expect(m!.text).toContain("&lt;!channel&gt; &amp; &lt;@U1&gt;"); // the mrkdwn fallback is escaped
  });

  it("pads short rows and drops cells beyond the columns, so every row has as many cells as titles", () => {
    const [m] = renderMessages(
      reply([
        {
          type: "table",
          columns: ["A", "B", "C"],
          rows: [{ cells: ["1"] }, { cells: ["1", "2", "3", "4"] }],
        },
      ]),
    );
    expect(cellTexts(tablesIn([m!])[0]!)).toEqual([
      ["A", "B", "C"],
      ["1", "–", "–"],
      ["1", "2", "3"],
    ]);
  });

  it("splits 250 figures into tables of at most 100 rows, one per message, repeating the titles", () => {
    const messages = renderMessages(reply([salaryTable(250), SOURCES]));
    expectAllValid(messages);
    const tables = tablesIn(messages);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const t of tables) expect(cellTexts(t)[0]).toEqual(["Source", "Country", "Level", "Median"]);
    const figures = tables.flatMap((t) =>
      cellTexts(t)
        .slice(1)
        .map((r) => r[1]),
    );
    expect(figures).toEqual(Array.from({ length: 250 }, (_, i) => `Country ${i}`));
    // each message's fallback text holds its own part of the table
    for (const m of messages.filter((x) => x.blocks.some((b) => b.type === "table")))
      expect(m.text).toMatch(/^Source \| Country \| Level \| Median/m);
  });

  it("takes 20 columns; a table of 21 columns is sent as lines instead, losing nothing", () => {
    const cols = (n: number) => Array.from({ length: n }, (_, i) => `C${i}`);
    const [twenty] = renderMessages(reply([salaryTable(3, cols(20))]));
    expect(tablesIn([twenty!])[0]!.rows[0]).toHaveLength(L.tableCells);
    const wide = renderMessages(reply([salaryTable(3, cols(21))]));
    expect(tablesIn(wide)).toEqual([]);
    expect(JSON.stringify(wide[0]!.blocks)).toContain("C0 | C1 | C2");
    expect(JSON.stringify(wide[0]!.blocks)).toContain("C20 2");
  });

  it("puts a second table in the next message", () => {
    const messages = renderMessages(reply([salaryTable(2), salaryTable(2), SOURCES]));
    expectAllValid(messages);
    expect(tablesIn(messages)).toHaveLength(2);
    expect(messages).toHaveLength(2);
  });

  it("shows a table as lines in App Home (the table block is for messages)", () => {
    const view = renderHome(reply([salaryTable(2)]));
    expect(view.blocks.map((b) => b.type)).toEqual(["section"]);
    expect(JSON.stringify(view.blocks)).toContain("*Source | Country | Level | Median*");
  });
});

describe("the largest replies against msg_blocks_too_long (~13,200 characters of blocks)", () => {
  /** Every intent, plain and with each salary slot (composed as a button click composes it). */
  function everyPage(): Reply[] {
    const engine = testEngine();
    const slots = ["", "?country=UK", "?country=US", "?country=CA", "?by=level", "?level=entry", "?level=senior"];
    const values = [...testCatalog().intentById.keys()].flatMap((id) => slots.map((s) => `${id}${s}`));
    return values.map((value) => engine.compose(...parse(value)));
  }
  const parse = (value: string): [string, Record<string, unknown>] => {
    const [intent = "", query = ""] = value.split("?");
    const slots: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(query)) {
      if (k === "by") slots.byLevel = true;
      else slots[k] = v;
    }
    return [intent, slots];
  };

  it("every page the bot can compose fits, as a message and through the engine's own buttons", async () => {
    const pages = everyPage();
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) expectAllValid(renderMessages(page));
    const engine = testEngine();
    for (const id of testCatalog().intentById.keys()) {
      if (id === "assess") continue; // starts the self-assessment, a flow of its own
      for (const action of [ACTIONS.ask, ACTIONS.more]) {
        const out = await engine.handle({
          channel: "slack",
          conversation: "slack:T1:C1",
          user: "slack:T1:U1",
          direct: false,
          action: { id: action, value: id },
        });
        for (const o of out) expectAllValid(renderMessages(o.reply));
      }
    }
  });

  it("the biggest table, with the Share button and a heading, fits in every message", () => {
    const share: SlackBlock = {
      type: "actions",
      elements: [
        { type: "button", text: { type: "plain_text", text: "Share" }, action_id: "s#0", value: "x".repeat(1900) },
      ],
    };
    const big = reply([
      { type: "heading", text: "Salary by source, country and level", level: 1 },
      salaryTable(99, ["Source", "Country", "Level", "Low", "Median", "High", "Period", "Year"]),
      SOURCES,
      { type: "feedback", value: "salary?by=level~salary by level" },
    ]);
    const messages = renderMessages(big, { after: [share] });
    expectAllValid(messages);
    expect(tablesIn(messages).reduce((n, t) => n + t.rows.length - 1, 0)).toBe(99);
  });
});
