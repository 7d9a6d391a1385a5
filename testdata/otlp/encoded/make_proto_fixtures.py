#!/usr/bin/env python3
"""Encodes the samples of testdata/otlp/ as OTLP protobuf with an encoder independent of
ottl-rs: the `opentelemetry-proto` Python package (protobuf's own runtime).

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install opentelemetry-proto
    /tmp/venv/bin/python testdata/otlp/encoded/make_proto_fixtures.py

Writes, next to this script, into proto/:
  <sample>.binpb             one LogsData / TracesData / MetricsData message (the same bytes as
                             the Export*ServiceRequest of the same content)
  <signal>.delimited.binpb   every sample of a signal, each preceded by its length as a varint
                             (protobuf's delimited stream)
  <signal>.u32.binpb         the same, each preceded by its length as a big-endian uint32 (the
                             collector's `file` exporter with `format: proto`)
  samples.delimited.binpb    every sample (all signals, sorted by name), varint lengths
  samples.u32.binpb          the same, uint32 lengths; also .gz and .zst (needs `zstd`)
  logs-every-field.binpb.gz / .zst   one message, compressed
A sample protobuf cannot hold (duplicate JSON keys) is left out and named on stderr.
"""

import base64
import gzip
import json
import pathlib
import struct
import subprocess
import sys

from google.protobuf import json_format
from opentelemetry.proto.logs.v1.logs_pb2 import LogsData
from opentelemetry.proto.metrics.v1.metrics_pb2 import MetricsData
from opentelemetry.proto.trace.v1.trace_pb2 import TracesData

HERE = pathlib.Path(__file__).resolve().parent
SAMPLES = HERE.parent
OUT = HERE / "proto"
MESSAGES = {
    "resourceLogs": ("logs", LogsData),
    "resourceSpans": ("traces", TracesData),
    "resourceMetrics": ("metrics", MetricsData),
}
# OTLP/JSON writes ids as hex; protobuf's JSON mapping reads bytes as base64.
ID_FIELDS = {"traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id"}


def no_duplicates(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError(f"duplicate keys in {keys}")
    return dict(pairs)


def integer(text: str):
    """A JSON integer; `-0` stays a negative zero (Python's int would lose the sign, and a
    `doubleValue` of -0 is -0.0 to the collector)."""
    return -0.0 if text == "-0" else int(text)


def hex_ids_to_base64(value):
    if isinstance(value, dict):
        return {
            key: base64.b64encode(bytes.fromhex(item)).decode()
            if key in ID_FIELDS and isinstance(item, str)
            else hex_ids_to_base64(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [hex_ids_to_base64(item) for item in value]
    return value


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def zstd(data: bytes) -> bytes:
    return subprocess.run(
        ["zstd", "-q", "-c", "-19"], input=data, stdout=subprocess.PIPE, check=True
    ).stdout


def main() -> None:
    OUT.mkdir(exist_ok=True)
    streams = {}
    everything = []
    for sample in sorted(SAMPLES.glob("*.json")):
        try:
            document = json.loads(
                sample.read_text(), object_pairs_hook=no_duplicates, parse_int=integer
            )
            envelope = next(key for key in MESSAGES if key in document)
            signal, message_type = MESSAGES[envelope]
            message = json_format.ParseDict(hex_ids_to_base64(document), message_type())
        except (ValueError, StopIteration, json_format.ParseError) as error:
            print(f"left out {sample.name}: {error}", file=sys.stderr)
            continue
        data = message.SerializeToString(deterministic=True)
        (OUT / (sample.stem + ".binpb")).write_bytes(data)
        streams.setdefault(signal, []).append(data)
        everything.append(data)
    for signal, messages in streams.items():
        (OUT / f"{signal}.delimited.binpb").write_bytes(
            b"".join(varint(len(m)) + m for m in messages)
        )
        (OUT / f"{signal}.u32.binpb").write_bytes(
            b"".join(struct.pack(">I", len(m)) + m for m in messages)
        )
    (OUT / "samples.delimited.binpb").write_bytes(b"".join(varint(len(m)) + m for m in everything))
    u32 = b"".join(struct.pack(">I", len(m)) + m for m in everything)
    (OUT / "samples.u32.binpb").write_bytes(u32)
    (OUT / "samples.u32.binpb.gz").write_bytes(gzip.compress(u32, mtime=0))
    (OUT / "samples.u32.binpb.zst").write_bytes(zstd(u32))
    single = (OUT / "logs-every-field.binpb").read_bytes()
    (OUT / "logs-every-field.binpb.gz").write_bytes(gzip.compress(single, mtime=0))
    (OUT / "logs-every-field.binpb.zst").write_bytes(zstd(single))


if __name__ == "__main__":
    main()
