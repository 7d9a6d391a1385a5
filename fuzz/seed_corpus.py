#!/usr/bin/env python3
"""Seeds the `eval` fuzz target's corpus with every function's documented examples, so the fuzzer
starts from calls that compile (and mutates them) instead of finding each function by chance.

    cargo build -p ottl-cli && python3 fuzz/seed_corpus.py target/debug/ottl
    cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run eval corpus/eval -- -dict=eval.dict

Writes `fuzz/corpus/eval/example-<function>-<n>` (ignored by git) and `fuzz/eval.dict` (one
token per function name and per context path prefix). The target reads the first character as
its selector: 0x10 picks the log context under `propagate`.
"""

import json
import subprocess
import sys
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
LOG_PROPAGATE = "\x10"


def main():
    ottl = sys.argv[1] if len(sys.argv) > 1 else "target/debug/ottl"
    functions = json.loads(subprocess.run([ottl, "functions", "--format", "json"],
                                          capture_output=True, check=True, text=True).stdout)
    corpus = FUZZ / "corpus" / "eval"
    corpus.mkdir(parents=True, exist_ok=True)
    written = 0
    for function in functions:
        for n, example in enumerate(function["examples"]):
            if function["kind"] == "converter":
                statement = f'set(attributes["out"], {example["source"]})'
            else:
                statement = example["statement"]
            (corpus / f'example-{function["name"]}-{n}').write_text(LOG_PROPAGATE + statement)
            written += 1
    tokens = {f["name"] + "(" for f in functions}
    tokens |= {"attributes[", "resource.attributes[", "body", "cache[", " where ", " and ",
               " or ", "not ", "nil", "true", "false", "==", "!=", "<=", ">=", "[", "]", "{", "}"}
    with open(FUZZ / "eval.dict", "w") as out:
        for token in sorted(tokens):
            out.write(json.dumps(token) + "\n")
    print(f"{written} seeds in {corpus}, {len(tokens)} tokens in {FUZZ / 'eval.dict'}")


if __name__ == "__main__":
    main()
