// The playground page: three panes over the engine in WebAssembly (ottl_web.js). No
// framework; the engine returns JSON strings, which this file renders.
import init, { evalConfig, evalStatements, check, functions } from "./ottl_web.js";
import { EXAMPLES } from "./examples.js";
import { SAMPLES } from "./samples.js";

const $ = (id) => document.getElementById(id);
const state = { mode: "config", context: "", errorMode: "ignore", steps: [], step: 0 };
let lastInput = "";
let lastResult = null;

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function pretty(text) {
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch { return text; }
}

// ---- mode, examples, samples -------------------------------------------------------------

function setMode(mode) {
  state.mode = mode;
  for (const radio of document.querySelectorAll('input[name="mode"]')) radio.checked = radio.value === mode;
  $("context-label").hidden = mode !== "statements";
  $("error-mode-label").hidden = mode !== "statements";
}

function loadExample(example) {
  setMode(example.mode);
  $("source").value = example.source;
  $("context").value = example.context ?? "";
  $("error-mode").value = example.errorMode ?? "ignore";
  if (example.payload) {
    $("sample").value = example.payload;
    $("payload").value = pretty(SAMPLES[example.payload]);
  } else {
    $("sample").value = "";
    $("payload").value = example.payloadText;
  }
  run();
}

function fillPickers() {
  for (const example of EXAMPLES) {
    $("example").append(new Option(example.title, example.id));
  }
  $("sample").append(new Option("(your own)", ""));
  for (const name of Object.keys(SAMPLES)) $("sample").append(new Option(name, name));
}

// ---- running -----------------------------------------------------------------------------

/// The statements of the statements pane, with the pane line each came from.
function statementLines() {
  const statements = [];
  const lines = [];
  $("source").value.split("\n").forEach((line, index) => {
    const text = line.trim();
    if (text && !text.startsWith("#")) {
      statements.push(text);
      lines.push(index + 1);
    }
  });
  return { statements, lines };
}

function run() {
  const source = $("source").value;
  const payload = $("payload").value;
  lastInput = payload;
  const started = performance.now();
  let result;
  let lines = null;
  if (state.mode === "config") {
    result = JSON.parse(evalConfig(source, payload));
  } else {
    const picked = statementLines();
    lines = picked.lines;
    // Leading whitespace was trimmed: columns count from the statement's first character.
    result = JSON.parse(evalStatements($("context").value, picked.statements, payload, $("error-mode").value));
    for (const d of result.diagnostics) {
      if (d.line > 0) {
        const line = lines[d.line - 1] ?? d.line;
        const indent = source.split("\n")[line - 1].search(/\S/);
        d.end_line = lines[d.end_line - 1] ?? line;
        d.line = line;
        d.column += Math.max(indent, 0);
        d.end_column += Math.max(indent, 0);
      }
    }
  }
  lastResult = result;
  const took = (performance.now() - started).toFixed(1);
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  $("status").textContent = result.output === null
    ? `${errors} error${errors === 1 ? "" : "s"}`
    : `ran in ${took} ms`;
  renderDiagnostics(result.diagnostics, source);
  renderOutput(result);
  renderDiff(result);
  renderNotes(result);
  state.steps = result.trace.filter((e) => e.event === "statement");
  state.step = 0;
  renderDebugger();
}

// ---- result views ------------------------------------------------------------------------

function renderDiagnostics(diagnostics, source) {
  const lines = source.split("\n");
  $("diagnostics").innerHTML = diagnostics.map((d) => {
    const code = d.code ? `[${d.code}]` : "";
    let text = `<div class="head">${escapeHtml(d.severity)}${escapeHtml(code)}: ${escapeHtml(d.message)}</div>`;
    if (d.line > 0 && lines[d.line - 1] !== undefined) {
      const number = String(d.line);
      const pad = " ".repeat(number.length);
      const width = d.end_line === d.line ? Math.max(d.end_column - d.column, 1) : 1;
      text += `<div class="src">${pad} |\n${number} | ${escapeHtml(lines[d.line - 1])}\n${pad} | ${" ".repeat(Math.max(d.column - 1, 0))}${"^".repeat(width)} ${escapeHtml(d.label ?? "")}</div>`;
    }
    if (d.help) text += `<div>help: ${escapeHtml(d.help)}</div>`;
    return `<div class="diag ${escapeHtml(d.severity)}" data-line="${d.line}">${text}</div>`;
  }).join("");
}

function renderOutput(result) {
  $("view-output").textContent = result.output === null
    ? "(no output: see the diagnostics)"
    : JSON.stringify(result.output, null, 2);
}

/// A line diff (longest common subsequence) of the input and the output, both indented.
function renderDiff(result) {
  if (result.output === null) {
    $("view-diff").textContent = "(no output)";
    return;
  }
  const a = pretty(lastInput).split("\n");
  const b = JSON.stringify(result.output, null, 2).split("\n");
  if (a.length * b.length > 4e6) {
    $("view-diff").textContent = "(too large to diff here)";
    return;
  }
  const m = a.length, n = b.length;
  const table = Array.from({ length: m + 1 }, () => new Uint32Array(n + 1));
  for (let i = m - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--)
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const out = [];
  let i = 0, j = 0;
  while (i < m || j < n) {
    if (i < m && j < n && a[i] === b[j]) { out.push(`  ${escapeHtml(a[i])}\n`); i++; j++; }
    else if (j < n && (i === m || table[i][j + 1] >= table[i + 1][j])) { out.push(`<span class="add">+ ${escapeHtml(b[j])}</span>`); j++; }
    else { out.push(`<span class="del">- ${escapeHtml(a[i])}</span>`); i++; }
  }
  $("view-diff").innerHTML = out.join("");
}

function renderNotes(result) {
  const notes = [...result.notes];
  if (state.mode === "config") {
    const found = JSON.parse(check($("source").value)).diagnostics;
    notes.push(`ottl check: ${found.length ? "" : "nothing found"}`);
    for (const d of found) notes.push(`  ${d.line}:${d.column} ${d.severity}${d.code ? `[${d.code}]` : ""}: ${d.message}`);
  }
  notes.push(`${result.trace.length} trace events`);
  $("view-notes").textContent = notes.join("\n");
}

function outcome(step) {
  if (step.error) return `<span class="failed">failed: ${escapeHtml(step.error)}</span>`;
  return step.matched ? '<span class="matched">ran</span>' : '<span class="skipped">where false</span>';
}

function visibleSteps() {
  return $("step-matched").checked ? state.steps.filter((s) => s.matched !== false) : state.steps;
}

function renderDebugger() {
  const steps = visibleSteps();
  if (!steps.length) {
    $("step-label").textContent = "no statement ran";
    $("step-body").innerHTML = "";
    $("step-list").innerHTML = "";
    return;
  }
  state.step = Math.min(Math.max(state.step, 0), steps.length - 1);
  const step = steps[state.step];
  $("step-label").textContent = `step ${state.step + 1} of ${steps.length}`;
  const changes = step.changes.length
    ? `<table><tr><th>path</th><th>before</th><th>after</th></tr>${step.changes.map((c) =>
        `<tr><td>${escapeHtml(c.path)}</td><td>${escapeHtml(c.before === undefined ? "(absent)" : JSON.stringify(c.before))}</td><td>${escapeHtml(c.after === undefined ? "(absent)" : JSON.stringify(c.after))}</td></tr>`).join("")}</table>`
    : "<div>no change</div>";
  $("step-body").innerHTML = `
    <div>${step.group ? `<b>${escapeHtml(step.group)}</b> · ` : ""}statement ${step.statement}: <code>${escapeHtml(step.source)}</code></div>
    <div>record <code>${escapeHtml(step.record)}</code>: ${outcome(step)}</div>
    ${changes}`;
  $("step-list").innerHTML = steps.map((s, index) =>
    `<li data-index="${index}" class="${index === state.step ? "current" : ""}">${escapeHtml(s.record)} · #${s.statement} ${outcome(s)}</li>`).join("");
}

function showView(view) {
  for (const tab of document.querySelectorAll(".tabs button")) {
    tab.setAttribute("aria-selected", String(tab.dataset.view === view));
    $(`view-${tab.dataset.view}`).hidden = tab.dataset.view !== view;
  }
}

// ---- share links -------------------------------------------------------------------------

async function pack(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function unpack(packed) {
  const binary = atob(packed.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return await new Response(stream).text();
}

async function share() {
  const saved = {
    mode: state.mode, source: $("source").value, payload: $("payload").value,
    context: $("context").value, errorMode: $("error-mode").value,
  };
  const link = `${location.origin}${location.pathname}#s=${await pack(JSON.stringify(saved))}`;
  history.replaceState(null, "", link);
  try { await navigator.clipboard.writeText(link); $("status").textContent = "link copied"; }
  catch { $("status").textContent = "link in the address bar"; }
}

async function restore() {
  const match = location.hash.match(/^#s=(.+)$/);
  if (!match) return false;
  try {
    const saved = JSON.parse(await unpack(match[1]));
    setMode(saved.mode);
    $("source").value = saved.source;
    $("payload").value = saved.payload;
    $("context").value = saved.context ?? "";
    $("error-mode").value = saved.errorMode ?? "ignore";
    $("sample").value = "";
    run();
    return true;
  } catch (error) {
    $("status").textContent = `cannot read the shared link: ${error.message}`;
    return false;
  }
}

// ---- functions panel ---------------------------------------------------------------------

let catalog = [];

function renderFunctions() {
  const query = $("function-search").value.trim().toLowerCase();
  const shown = catalog.filter((f) => !query || f.name.toLowerCase().includes(query) || f.summary.toLowerCase().includes(query));
  $("function-list").innerHTML = shown.map((f) => `
    <div class="fn"><b>${escapeHtml(f.name)}</b><span class="kind">${escapeHtml(f.kind)}${f.availability.includes("standard") ? "" : ` · ${escapeHtml(f.availability.join("; "))}`}</span>
    <div><code>${escapeHtml(f.signature)}</code></div><div>${escapeHtml(f.summary)}</div>
    ${f.examples.slice(0, 1).map((e) => `<div><code>${escapeHtml(e.source ?? e.statement)}</code></div>`).join("")}</div>`).join("");
}

// ---- wiring ------------------------------------------------------------------------------

async function main() {
  await init();
  window.ottl = { evalConfig, evalStatements, check, functions };
  catalog = JSON.parse(functions());
  fillPickers();
  for (const radio of document.querySelectorAll('input[name="mode"]')) {
    radio.addEventListener("change", () => { setMode(radio.value); run(); });
  }
  $("example").addEventListener("change", () => loadExample(EXAMPLES.find((e) => e.id === $("example").value)));
  $("sample").addEventListener("change", () => {
    if ($("sample").value) { $("payload").value = pretty(SAMPLES[$("sample").value]); run(); }
  });
  let timer;
  for (const id of ["source", "payload"]) {
    $(id).addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 300); });
  }
  for (const id of ["context", "error-mode"]) $(id).addEventListener("change", run);
  $("run").addEventListener("click", run);
  document.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
  $("share").addEventListener("click", share);
  for (const tab of document.querySelectorAll(".tabs button")) tab.addEventListener("click", () => showView(tab.dataset.view));
  $("step-prev").addEventListener("click", () => { state.step--; renderDebugger(); });
  $("step-next").addEventListener("click", () => { state.step++; renderDebugger(); });
  $("step-matched").addEventListener("change", () => { state.step = 0; renderDebugger(); });
  $("step-list").addEventListener("click", (e) => {
    const item = e.target.closest("li");
    if (item) { state.step = Number(item.dataset.index); renderDebugger(); }
  });
  $("functions-toggle").addEventListener("click", () => {
    const open = $("functions").hidden;
    $("functions").hidden = !open;
    document.querySelector("main").classList.toggle("with-functions", open);
    $("functions-toggle").setAttribute("aria-expanded", String(open));
    if (open) { renderFunctions(); $("function-search").focus(); }
  });
  $("function-search").addEventListener("input", renderFunctions);
  if (!(await restore())) loadExample(EXAMPLES[0]);
  document.body.dataset.ready = "true";
}

main().catch((error) => {
  $("status").textContent = `failed to start: ${error.message}`;
  throw error;
});
