// Shared by the browser tests: a static server for dist/ on 127.0.0.1, and headless Chromium
// through playwright-core (Debian's chromium; no browser download).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..", "..");
export const dist = join(here, "..", "dist");

const require = createRequire(import.meta.url);
const tools = process.env.OTTL_WEB_TOOLS ?? join(process.env.HOME, ".cache", "ottl-web");
const { chromium } = require(join(tools, "npm", "node_modules", "playwright-core"));

/// Serves dist/ on a free loopback port; resolves to { url, stop }.
export async function serve() {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", dist], {
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return { url, stop: () => server.kill() }; } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error("the static server did not start");
}

/// Headless Chromium with the flags this machine needs (closed network, root).
export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/// Fails the test with `message` unless `ok`.
export function expect(ok, message) {
  if (!ok) throw new Error(message);
}
