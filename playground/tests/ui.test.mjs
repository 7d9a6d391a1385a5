// Drives the page as a user would: the KubeCon example (an OpenTelemetryCollector whose
// transform processor masks player names) runs on load; the result pane must show the names
// masked, and the debugger must step through the statements. With SCREENSHOT=<file>, saves a
// screenshot with the debugger open.
import { browser, expect, serve } from "./harness.mjs";

const server = await serve();
const chromium = await browser();
try {
  const page = await chromium.newPage({ viewport: { width: 1500, height: 860 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + "index.html");
  await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });
  await page.selectOption("#example", "kubecon");
  await page.click("#run");
  const output = await page.textContent("#view-output");
  const result = JSON.parse(output);
  const spans = result.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
  const attr = (span, key) => span.attributes.find((a) => a.key === key)?.value.stringValue;
  expect(spans.length >= 2, `expected the sample's spans, got ${spans.length}`);
  for (const span of spans) {
    for (const key of ["app.player1", "app.player2"]) {
      const value = attr(span, key);
      if (value !== undefined) expect(value.length <= 1, `${key} not masked: ${value}`);
    }
    const url = attr(span, "http.url");
    if (url !== undefined) {
      expect(url.includes("player1={playerName}"), `http.url not masked: ${url}`);
    }
  }
  expect(!output.includes("Pavol") && !output.includes("Benedikt"), "a player's name is still in the result pane");

  await page.click('.tabs button[data-view="debugger"]');
  const label = await page.textContent("#step-label");
  expect(/step 1 of \d+/.test(label), `the debugger shows no steps: ${label}`);
  await page.click("#step-next");
  await page.click("#step-next");
  const body = await page.textContent("#step-body");
  expect(body.includes("transform: trace_statements group 1"), `the step names no group: ${body}`);

  // A mistake is shown under its line with its code.
  await page.fill("#source", (await page.inputValue("#source")).replace("Substring(", "Substrin("));
  await page.click("#run");
  const diagnostics = await page.textContent("#diagnostics");
  expect(/error\[E\d{4}\]/.test(diagnostics) && diagnostics.includes("Substrin"), `no diagnostic: ${diagnostics}`);

  // A share link brings the same state back.
  await page.selectOption("#example", "rename");
  await page.click("#share");
  await page.waitForFunction(() => location.hash.startsWith("#s="));
  const link = page.url();
  expect(link.includes("#s="), `no share link: ${link}`);
  const shared = await chromium.newPage();
  await shared.goto(link);
  await shared.waitForSelector("body[data-ready=true]");
  expect((await shared.inputValue("#source")).includes("url.full"), "the shared link lost the statements");
  expect((await shared.textContent("#view-output")).includes("url.full"), "the shared link's run lost the result");

  // The functions panel searches the registry's docs.
  await page.click("#functions-toggle");
  await page.fill("#function-search", "substring");
  expect((await page.textContent("#function-list")).includes("Substring"), "the functions panel lacks Substring");

  if (process.env.SCREENSHOT) {
    await page.click("#functions-toggle");
    await page.selectOption("#example", "kubecon");
    await page.click('.tabs button[data-view="debugger"]');
    await page.click("#step-next");
    await page.click("#step-next");
    await page.screenshot({ path: process.env.SCREENSHOT });
  }
  expect(errors.length === 0, `page errors: ${errors.join("; ")}`);
  console.log("ok: ui (KubeCon masking through the page, debugger, diagnostics, share link, functions)");
} finally {
  await chromium.close();
  server.stop();
}
