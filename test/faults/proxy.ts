import net from 'node:net';

/**
 * A TCP proxy between the app and PostgreSQL that the crash suite can cut: every open
 * connection is reset at once and new ones are refused for a while — an abrupt database
 * outage as the app sees it, without touching the server that other test runs share.
 */
export class CuttableProxy {
  private server = net.createServer((client) => this.accept(client));
  private sockets = new Set<net.Socket>();
  private downUntil = 0;
  port = 0;
  cuts = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  get down(): boolean {
    return Date.now() < this.downUntil;
  }

  /** Reset every connection now and refuse new ones for `ms`. */
  cut(ms: number): void {
    this.cuts++;
    this.downUntil = Date.now() + ms;
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
  }

  restore(): void {
    this.downUntil = 0;
  }

  private accept(client: net.Socket): void {
    if (this.down) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const drop = () => {
      this.sockets.delete(client);
      this.sockets.delete(upstream);
      if (!client.destroyed) client.resetAndDestroy();
      if (!upstream.destroyed) upstream.resetAndDestroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
