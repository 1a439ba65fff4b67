/** Where the Redis tests find Redis, and whether it answers. */
import { Socket } from "node:net";

export const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";

export function redisAvailable(timeoutMs = 500): Promise<boolean> {
  const url = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(Number(url.port || 6379), url.hostname, () => {
      socket.write("PING\r\n");
      socket.once("data", (d) => done(d.toString().startsWith("+PONG") || d.toString().startsWith("-NOAUTH")));
    });
  });
}
