/**
 * A request body over the limit: the 413 goes out at once, then at most a little more of the body
 * is read and thrown away (so the client, still sending, sees the answer rather than a reset), then
 * the connection is closed. Nothing of it is kept; the rest is never read.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Enough for a client still sending at full speed on a busy machine to read the 413 before the close. */
const DISCARD_BYTES = 16 * 1024 * 1024;
const DISCARD_MS = 2_000;

export function refuseTooLarge(req: IncomingMessage, res: ServerResponse, respond: () => void): void {
  res.setHeader("connection", "close");
  respond();
  let discarded = 0;
  const close = () => {
    clearTimeout(timer);
    req.destroy();
  };
  const timer = setTimeout(close, DISCARD_MS);
  timer.unref();
  req.removeAllListeners("data");
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_BYTES) close();
  });
  req.once("end", close);
  req.resume();
}
