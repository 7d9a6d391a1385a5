#!/usr/bin/env python3
"""Re-encodes the samples of testdata/otlp/ in the other input formats `ottl eval` reads, with
encoders independent of ottl-rs (Python's json and gzip, the zstd command-line tool), for the
round-trip tests in ottl-cli/tests/formats.rs. Run from anywhere; rewrites the files next to it.

  samples.jsonl        every sample, compact, one document per line (sorted by file name)
  samples.jsonl.gz     the same, gzip
  samples.jsonl.zst    the same, zstd (needs the `zstd` tool)
  logs-every-field.json.gz / .zst   one indented document, compressed
"""

import gzip
import json
import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent
SAMPLES = HERE.parent


def compact(text: str) -> str:
    """The JSON text without whitespace outside strings. (Not json.loads/dumps: that would
    keep only the last of duplicate keys, which some samples hold on purpose.)"""
    json.loads(text)  # a valid document
    out, in_string, escaped = [], False, False
    for ch in text:
        if in_string:
            out.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
            out.append(ch)
        elif ch not in " \t\r\n":
            out.append(ch)
    return "".join(out)


def zstd(data: bytes) -> bytes:
    return subprocess.run(
        ["zstd", "-q", "-c", "-19"], input=data, stdout=subprocess.PIPE, check=True
    ).stdout


def main() -> None:
    lines = []
    for sample in sorted(SAMPLES.glob("*.json")):
        lines.append(compact(sample.read_text()))
    jsonl = ("\n".join(lines) + "\n").encode()
    (HERE / "samples.jsonl").write_bytes(jsonl)
    (HERE / "samples.jsonl.gz").write_bytes(gzip.compress(jsonl, mtime=0))
    (HERE / "samples.jsonl.zst").write_bytes(zstd(jsonl))
    single = (SAMPLES / "logs-every-field.json").read_bytes()
    (HERE / "logs-every-field.json.gz").write_bytes(gzip.compress(single, mtime=0))
    (HERE / "logs-every-field.json.zst").write_bytes(zstd(single))


if __name__ == "__main__":
    main()
