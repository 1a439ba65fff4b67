/**
 * A fake Slack Socket Mode server on 127.0.0.1 (ws): says hello to each connection, sends the
 * envelopes a test asks for, and records what the client sends back (acks).
 */
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export class FakeSocketServer {
  readonly received: Record<string, unknown>[] = [];
  connections = 0;
  closed = 0;
  private readonly wss: WebSocketServer;
  private socket?: WebSocket;

  private constructor(wss: WebSocketServer) {
    this.wss = wss;
    wss.on("connection", (ws) => {
      this.connections++;
      this.socket = ws;
      ws.on("message", (data) => this.received.push(JSON.parse(String(data)) as Record<string, unknown>));
      ws.on("close", () => this.closed++);
      ws.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "fake-applink" },
          connection_info: { app_id: "A1" },
        }),
      );
    });
  }

  static async start(): Promise<FakeSocketServer> {
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
    return new FakeSocketServer(wss);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/`;
  }

  /** Sends an envelope; returns its envelope_id. */
  send(
    type: "events_api" | "slash_commands" | "interactive",
    payload: unknown,
    extra: Record<string, unknown> = {},
  ): string {
    const envelopeId = `env-${Math.random().toString(36).slice(2, 10)}`;
    this.socket!.send(
      JSON.stringify({
        envelope_id: envelopeId,
        payload,
        type,
        accepts_response_payload: type !== "events_api",
        ...extra,
      }),
    );
    return envelopeId;
  }

  close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}
