import { createServer } from "node:net";

/** A TCP port free on 127.0.0.1 right now, for a hub started by a test or a benchmark. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
