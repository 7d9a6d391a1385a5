// The examples the page offers. Payloads and the KubeCon configuration come from the
// repository's testdata (bundled into samples.js by build.sh), so the page and the tests run
// the files the CLI's tests run.
import { FILES } from "./samples.js";

const parseJsonLogs = JSON.stringify({
  resourceLogs: [{
    resource: { attributes: [{ key: "service.name", value: { stringValue: "checkout" } }] },
    scopeLogs: [{
      scope: { name: "app" },
      logRecords: [
        { timeUnixNano: "1710932400000000000", body: { stringValue: '{"level":"WARN","user":"ada","latency_ms":812,"msg":"slow checkout"}' } },
        { timeUnixNano: "1710932401000000000", body: { stringValue: "plain text line" } },
      ],
    }],
  }],
}, null, 2);

export const EXAMPLES = [
  {
    id: "kubecon",
    title: "KubeCon EU 2024: mask player names (OpenTelemetryCollector)",
    mode: "config",
    source: FILES["kubecon-backend-07-collector.yaml"],
    payload: "kubecon-dice-spans.json",
  },
  {
    id: "parse-json",
    title: "Parse a JSON body into attributes",
    mode: "config",
    source: `processors:
  transform/parse:
    error_mode: ignore
    log_statements:
      - context: log
        conditions:
          - IsMatch(body, "^\\\\{")
        statements:
          - merge_maps(attributes, ParseJSON(body), "upsert")
          - set(severity_text, attributes["level"]) where attributes["level"] != nil
          - set(body, attributes["msg"]) where attributes["msg"] != nil
          - delete_key(attributes, "msg")
service:
  pipelines:
    logs:
      receivers: [otlp]
      processors: [transform/parse]
      exporters: [debug]
`,
    payloadText: parseJsonLogs,
  },
  {
    id: "rename",
    title: "Rename and copy attributes (statements)",
    mode: "statements",
    context: "span",
    errorMode: "ignore",
    source: `set(attributes["url.full"], attributes["http.url"])
delete_key(attributes, "http.url")
set(attributes["service"], resource.attributes["service.name"])
set(attributes["players"], Concat([attributes["app.player1"], attributes["app.player2"]], " vs "))`,
    payload: "kubecon-dice-spans.json",
  },
  {
    id: "metrics",
    title: "Reshape metrics: sum to gauge, units, drop empty",
    mode: "config",
    source: `processors:
  transform/metrics:
    metric_statements:
      - context: metric
        statements:
          - convert_sum_to_gauge() where name == "requests"
          - set(unit, "Cel") where name == "temperature"
          - set(description, "requests seen") where name == "requests"
      - context: datapoint
        statements:
          - set(attributes["host"], resource.attributes["host.name"])
  filter/empty:
    metric_conditions:
      - metric.name == "no.data" or metric.name == "empty.gauge"
service:
  pipelines:
    metrics:
      receivers: [otlp]
      processors: [transform/metrics, filter/empty]
      exporters: [debug]
`,
    payload: "metrics-gauge-and-sum.json",
  },
  {
    id: "filter-logs",
    title: "Drop debug logs (filter processor)",
    mode: "config",
    source: `processors:
  filter/debug:
    error_mode: ignore
    logs:
      log_record:
        - severity_number < SEVERITY_NUMBER_INFO
service:
  pipelines:
    logs:
      receivers: [otlp]
      processors: [filter/debug]
      exporters: [debug]
`,
    payload: "logs-every-field.json",
  },
];
