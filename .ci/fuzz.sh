#!/usr/bin/env bash
# Fuzz the whole pipeline (bytes → document → amounts → rules → JSON/CSV/Markdown) with
# libFuzzer and AddressSanitizer. Usage: .ci/fuzz.sh SECONDS [extra libFuzzer flags]
# Seeds come from Fixtures/; crashing inputs are written to .build-fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
out=.build-fuzz
mkdir -p "$out/corpus" "$out/crashes" "$out/resources"
cp -R Sources/KonsekvensKit/Rules/Resources "$out/resources/"
find Fixtures -type f \( -name '*.md' -o -name '*.txt' -o -name '*.html' \) -exec cp {} "$out/corpus/" \;
if [ ! -x "$out/fuzz" ] || [ -n "$(find Sources/KonsekvensKit .ci/fuzz -newer "$out/fuzz" -name '*.swift' | head -1)" ]; then
    swiftc -sanitize=fuzzer,address -parse-as-library -O -use-ld=lld -module-name KonsekvensKit \
        $(find Sources/KonsekvensKit -name '*.swift' | sort) .ci/fuzz/*.swift -o "$out/fuzz"
fi
export KONSEKVENS_RESOURCES="$PWD/$out/resources"
"$out/fuzz" "$out/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=200000 \
    -artifact_prefix="$out/crashes/" -print_final_stats=1 "$@"
