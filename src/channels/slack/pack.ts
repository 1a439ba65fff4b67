/**
 * Packing rendered blocks into messages: each message stays within the block count, the total-blocks
 * character budget (msg_blocks_too_long) and one table block. A unit (the Slack blocks of one engine
 * block) moves whole to the next message rather than being cut, unless it is too large for any message.
 */
import type { Block } from "../../core/types.ts";
import { blockChars, type SlackBlock } from "./blocks.ts";
import { SLACK_LIMITS as L } from "./limits.ts";

/** The Slack blocks for one engine block, and the engine block they stand for (for the fallback text). */
export interface Unit {
  blocks: SlackBlock[];
  source: Block | null;
}

export interface Packed {
  blocks: SlackBlock[];
  /** The engine blocks shown in this message: its fallback text is rendered from them. */
  sources: Block[];
}

/** Room in a message: blocks and characters of blocks JSON; the first message may have less. */
export interface Room {
  blocks: number;
  chars: number;
  firstBlocks: number;
  firstChars: number;
}

/** A block's cost against the characters budget: its JSON and the comma after it. */
export const cost = (block: SlackBlock): number => blockChars(block) + 1;
export const costOf = (blocks: readonly SlackBlock[]): number => blocks.reduce((n, b) => n + cost(b), 0);
const tables = (blocks: readonly SlackBlock[]): number => blocks.filter((b) => b.type === "table").length;

/** Room for blocks once `before` opens the first message and `after` closes the last one. */
export function roomFor(before: readonly SlackBlock[], after: readonly SlackBlock[]): Room {
  const chars = L.messageBlocksChars - 2 - costOf(after); // 2: the array's brackets
  const blocks = L.blocksPerMessage - after.length;
  return { blocks, chars, firstBlocks: blocks - before.length, firstChars: chars - costOf(before) };
}

export function pack(units: readonly Unit[], room: Room): Packed[] {
  const out: Packed[] = [{ blocks: [], sources: [] }];
  const chars: number[] = [0];
  const fits = (i: number, add: readonly SlackBlock[], empty = false): boolean => {
    const current = empty ? [] : out[i]!.blocks;
    const used = empty ? 0 : chars[i]!;
    return (
      current.length + add.length <= (i === 0 ? room.firstBlocks : room.blocks) &&
      used + costOf(add) <= (i === 0 ? room.firstChars : room.chars) &&
      tables(current) + tables(add) <= L.tablesPerMessage
    );
  };
  const next = () => {
    out.push({ blocks: [], sources: [] });
    chars.push(0);
  };
  for (const unit of units) {
    let i = out.length - 1;
    if (out[i]!.blocks.length > 0 && !fits(i, unit.blocks) && fits(i + 1, unit.blocks, true)) {
      next();
      i++;
    }
    unit.blocks.forEach((block, n) => {
      if (out[i]!.blocks.length > 0 && !fits(i, [block])) {
        next();
        i++;
      }
      out[i]!.blocks.push(block);
      chars[i]! += cost(block);
      if (n === 0 && unit.source) out[i]!.sources.push(unit.source);
    });
  }
  return out;
}

/**
 * Keeps the first `max` messages and ends the last one with `note` (blocks are dropped from its end
 * until the note fits).
 */
export function trim(messages: Packed[], max: number, room: Room, note: SlackBlock): Packed[] {
  if (messages.length <= max) return messages;
  const kept = messages.slice(0, max);
  const last = kept[kept.length - 1]!;
  const i = kept.length - 1;
  const maxBlocks = i === 0 ? room.firstBlocks : room.blocks;
  const maxChars = i === 0 ? room.firstChars : room.chars;
  while (last.blocks.length > 0 && (last.blocks.length >= maxBlocks || costOf(last.blocks) + cost(note) > maxChars))
    last.blocks.pop();
  last.blocks.push(note);
  return kept;
}
