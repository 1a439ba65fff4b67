/**
 * Slack text helpers: mrkdwn escaping, trimming and splitting that never cut an HTML entity in two,
 * and the reverse direction (Slack markup in a user's message → plain text for the engine).
 */

/**
 * Escapes the three characters Slack's mrkdwn treats as control characters (which neutralises
 * <!channel>, <@U…>, <!subteam^…> and links), and puts a word joiner after the "@" of a bare
 * @channel, @here or @everyone, so that they stay inert even where Slack links names.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@(channel|here|everyone)\b/gi, "@\u2060$1");
}

/** Undoes Slack's escaping of &, < and > in message text. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** A cut position at or before `at` that does not fall inside "&amp;", "&lt;" or "&gt;". */
function safeCut(text: string, at: number): number {
  const amp = text.lastIndexOf("&", at - 1);
  if (amp >= 0 && amp > at - 5) {
    const semi = text.indexOf(";", amp);
    if (semi >= at) return amp;
  }
  return at;
}

/** Trims to at most `max` characters, ending with "…" when something was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(0, max));
  return `${text.slice(0, safeCut(text, max - 1)).trimEnd()}…`;
}

/**
 * Splits text into pieces of at most `max` characters: at line breaks where possible, then at
 * spaces, then anywhere (never inside an entity). Pieces keep their own line structure.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = "";
  const flush = () => {
    if (current.length > 0) pieces.push(current);
    current = "";
  };
  for (const line of text.split("\n")) {
    const joined = current.length === 0 ? line : `${current}\n${line}`;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > max) {
      let cut = rest.lastIndexOf(" ", max);
      if (cut < max / 2) cut = safeCut(rest, max);
      pieces.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    current = rest;
  }
  flush();
  return pieces.length > 0 ? pieces : [""];
}

/**
 * Slack message markup → plain text: user and channel mentions, special mentions, links and dates
 * become their readable labels, then &amp; &lt; &gt; are unescaped. Mentions of people are dropped
 * from questions (they are who, not what, is asked); `people: "keep"` (an expert's reply, which
 * is passed on) keeps them as "@name" (or "@U123" without a label), as text that pings nobody.
 */
export function slackToPlain(text: string, options: { people?: "drop" | "keep" } = {}): string {
  const plain = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = "", label] = splitLabel(inner);
    if (target.startsWith("@")) return options.people === "keep" ? `@${label ?? target.slice(1)}` : ""; // <@U123> or <@U123|name>
    if (target.startsWith("#")) return label ? `#${label}` : "";
    if (target.startsWith("!subteam^")) return label ?? "";
    if (target.startsWith("!date^")) return label ?? "";
    if (target.startsWith("!")) return label ?? `@${target.slice(1)}`;
    return label ?? target;
  });
  return unescapeMrkdwn(plain)
    .replace(/[ \t]+/g, " ")
    .trim();
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf("|");
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}
