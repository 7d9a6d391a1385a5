#!/usr/bin/env python3
"""Writes a conformance case whose expectation is the reference engine's own result.

    testdata/conformance/new_case.py --area Trim --name cutset \
        --description "Trim removes every character of the cutset from both ends" \
        --source "pkg/ottl/ottlfuncs/func_trim_test.go Test_trim" \
        -e 'set(attributes["t"], Trim(attributes["s"], "!?"))' \
        --input testdata/conformance/inputs/log.json

The statements run through `ottlref eval` (build it with ../shared/reference-engine/build.sh;
OTTLREF names the binary, target/ottlref/ottlref by default): its output becomes
`expect.output`, a rejection `expect.error = "check"`, a failure under propagate
`expect.error = "runtime"`. For functions the reference engine's snapshot does not have yet
(newer than v0.156), pass `--engine ottl` to record ottl-rs's own result instead, after checking
it against the reference's tests, and say which test in --source. The input is re-encoded by the
project's codec (`otlp_codec` example) so the case round-trips.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def codec(path):
    subprocess.run(
        ["cargo", "build", "-q", "-p", "ottl-core", "--example", "otlp_codec"],
        cwd=ROOT, check=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    out = subprocess.run([str(target / "debug/examples/otlp_codec"), str(path)],
                         capture_output=True, check=True, text=True).stdout
    return json.loads(out)


def run(engine, args, input_path):
    if engine == "ottlref":
        binary = os.environ.get("OTTLREF", str(ROOT / "target/ottlref/ottlref"))
        command = [binary, "eval", "--context", args.context, "--error-mode", args.error_mode]
        if args.condition:
            sys.exit("conditions: the reference engine takes none; use --engine ottl")
    else:
        subprocess.run(["cargo", "build", "-q", "-p", "ottl-cli"], cwd=ROOT, check=True)
        target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
        command = [str(target / "debug/ottl"), "eval", "-c", args.context,
                   "--error-mode", args.error_mode]
        for condition in args.condition:
            command += ["--condition", condition]
        if args.feature_gates:
            command += ["--feature-gates", args.feature_gates]
    for statement in args.statement:
        command += ["-e", statement]
    command.append(str(input_path))
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode == 0:
        return {"output": json.loads(done.stdout)}, done.stderr
    if done.returncode == 1:
        return {"error": "check"}, done.stderr
    if done.returncode == 3:
        return {"error": "runtime"}, done.stderr
    sys.exit(f"{engine} exited {done.returncode}:\n{done.stderr}")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--area", required=True, help="function name or topic (folder)")
    parser.add_argument("--name", required=True, help="the behaviour, kebab-case (file name)")
    parser.add_argument("--description", required=True)
    parser.add_argument("--source", required=True, help="the reference test or doc")
    parser.add_argument("--context", default="log")
    parser.add_argument("--error-mode", default="propagate")
    parser.add_argument("-e", "--statement", action="append", required=True)
    parser.add_argument("--condition", action="append", default=[])
    parser.add_argument("--input", required=True, help="an OTLP/JSON file")
    parser.add_argument("--engine", choices=["ottlref", "ottl"], default="ottlref")
    parser.add_argument("--feature-gates", default="",
                        help="with --engine ottl: gates to turn on (`ottl.functions.enableLambda`);"
                        " the case is marked experimental")
    parser.add_argument("--force", action="store_true", help="overwrite an existing case")
    args = parser.parse_args()
    if args.feature_gates and args.engine != "ottl":
        sys.exit("--feature-gates: the reference engine (v0.156) has none; use --engine ottl")

    path = ROOT / "testdata/conformance" / args.area / f"{args.name}.json"
    if path.exists() and not args.force:
        sys.exit(f"{path} exists (--force to overwrite)")
    expect, stderr = run(args.engine, args, args.input)
    if "output" in expect:
        tmp = path.with_suffix(".out.tmp")
        tmp.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(expect["output"]))
        expect["output"] = codec(tmp)
        tmp.unlink()
    case = {
        "description": args.description,
        "source": args.source,
        "context": args.context,
        "error_mode": args.error_mode,
    }
    if args.feature_gates:
        case["experimental"] = True
    if args.condition:
        case["conditions"] = args.condition
    case["statements"] = args.statement
    case["input"] = codec(args.input)
    case["expect"] = expect
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(case, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {path.relative_to(ROOT)}: {json.dumps(expect)[:200]}")
    if stderr.strip():
        print(stderr.strip(), file=sys.stderr)


if __name__ == "__main__":
    main()
