// The comparison server for bench/harness.ts `startBareServer`: a bare node:http
// server that answers every request with the same bytes and headers. It runs in
// its own process (like the portal) so it does not share an event loop with the
// load generator. The parent sends { body (base64), headers, port, host } over
// IPC and waits for { ready: true }.
import { createServer } from "node:http";

process.once("message", (message) => {
  const body = Buffer.from(message.body, "base64");
  const headers = { ...message.headers, "content-length": String(body.length) };
  const server = createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  });
  server.on("error", (error) => {
    process.send?.({ error: error.message });
    process.exit(1);
  });
  server.listen(message.port, message.host, () => process.send?.({ ready: true }));
  const close = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
  // If the parent goes away without stopping us, do not linger.
  process.on("disconnect", close);
});
