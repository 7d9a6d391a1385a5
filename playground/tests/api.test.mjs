// The module API against the CLI: evalConfig and evalStatements, called in the browser on
// configurations and payloads from testdata/, must give what `ottl eval` writes for the same
// input (same output document; no output where the CLI fails). OTTL_BIN names the CLI
// (default target/debug/ottl).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { browser, expect, root, serve } from "./harness.mjs";

const ottl = process.env.OTTL_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(root, "target"), "debug", "ottl");
const otlp = (name) => join(root, "testdata", "otlp", name);
const scratch = mkdtempSync(join(tmpdir(), "ottl-web-"));

const configs = {
  "metrics.yaml": `processors:
  transform/metrics:
    metric_statements:
      - context: metric
        statements:
          - convert_sum_to_gauge() where name == "requests"
          - set(unit, "Cel") where name == "temperature"
      - context: datapoint
        statements:
          - set(attributes["host"], resource.attributes["host.name"])
  filter/empty:
    metric_conditions:
      - metric.name == "no.data"
  transform/unused:
    metric_statements:
      - set(metric.name, "never")
service:
  pipelines:
    metrics:
      processors: [transform/metrics, filter/empty]
`,
  "logs.yaml": `processors:
  filter/debug:
    logs:
      log_record:
        - severity_number < SEVERITY_NUMBER_INFO
  transform:
    log_statements:
      - set(log.attributes["seen"], true)
      - set(log.body, Concat([log.body, "!"], "")) where IsString(log.body)
`,
};
for (const [name, text] of Object.entries(configs)) writeFileSync(join(scratch, name), text);

const cases = [
  { kind: "config", config: join(root, "testdata/configs/check/kubecon-backend-07-collector.yaml"), payload: "kubecon-dice-spans.json" },
  { kind: "config", config: join(scratch, "metrics.yaml"), payload: "metrics-gauge-and-sum.json" },
  { kind: "config", config: join(scratch, "logs.yaml"), payload: "logs-every-field.json" },
  { kind: "statements", context: "span", mode: "ignore", payload: "kubecon-dice-spans.json",
    statements: ['set(attributes["url.full"], attributes["http.url"])', 'delete_key(attributes, "http.url")'] },
  { kind: "statements", context: "", mode: "ignore", payload: "proto-example-logs.json",
    statements: ['set(log.attributes["n"], Len(log.body)) where IsString(log.body)', 'set(resource.attributes["r"], "x")'] },
  { kind: "statements", context: "datapoint", mode: "propagate", payload: "metrics-gauge-and-sum.json",
    statements: ['set(attributes["m"], metric.name)', 'set(attributes["twice"], value_double * 2) where value_double != nil'] },
  { kind: "statements", context: "log", mode: "propagate", payload: "logs-every-field.json",
    statements: ['set(attributes["x"], Int("not a number"))'] },
  { kind: "statements", context: "", mode: "ignore", payload: "proto-example-trace.json",
    statements: ['set(span.name, Concat([span.name, resource.attributes["service.name"]], "@"))'] },
];

/// What the CLI writes for a case: the parsed output document, or null when it fails.
function cli(testCase) {
  const args = testCase.kind === "config"
    ? ["eval", "--config", testCase.config, otlp(testCase.payload)]
    : ["eval", ...(testCase.context ? ["-c", testCase.context] : []), "--error-mode", testCase.mode,
      ...testCase.statements.flatMap((s) => ["-e", s]), otlp(testCase.payload)];
  try {
    return JSON.parse(execFileSync(ottl, args, { stdio: ["ignore", "pipe", "ignore"] }).toString());
  } catch (error) {
    // Exit 1 (rejected) or 3 (failed under propagate): no output, as the page gives none.
    if (error.status === 1 || error.status === 3) return null;
    throw error;
  }
}

const server = await serve();
const chromium = await browser();
try {
  const page = await chromium.newPage();
  await page.goto(server.url + "index.html");
  await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });
  let compared = 0;
  for (const testCase of cases) {
    const payload = readFileSync(otlp(testCase.payload), "utf8");
    const config = testCase.kind === "config" ? readFileSync(testCase.config, "utf8") : null;
    const result = JSON.parse(await page.evaluate(([c, p, t]) => t.kind === "config"
      ? window.ottl.evalConfig(c, p)
      : window.ottl.evalStatements(t.context, t.statements, p, t.mode), [config, payload, testCase]));
    const expected = cli(testCase);
    const name = `${testCase.kind} ${testCase.config ?? testCase.statements.join("; ")} on ${testCase.payload}`;
    expect(JSON.stringify(result.output) === JSON.stringify(expected),
      `${name}: the page and the CLI differ\n page: ${JSON.stringify(result.output)}\n  cli: ${JSON.stringify(expected)}\n diagnostics: ${JSON.stringify(result.diagnostics)}`);
    for (const d of result.diagnostics) {
      for (const key of ["line", "column", "severity", "code", "message", "help"]) {
        expect(key in d, `${name}: a diagnostic lacks ${key}`);
      }
    }
    expect(Array.isArray(result.trace), `${name}: no trace`);
    compared++;
  }
  // check() returns ottl check's findings.
  const checked = JSON.parse(await page.evaluate(() => window.ottl.check(
    "processors:\n  transform:\n    log_statements:\n      - set(log.body, Nope())\n")));
  expect(checked.diagnostics.some((d) => d.code === "E0103" && d.line === 4), `check: ${JSON.stringify(checked)}`);
  console.log(`ok: api (${compared} cases match ottl eval; check finds E0103)`);
} finally {
  await chromium.close();
  server.stop();
}
