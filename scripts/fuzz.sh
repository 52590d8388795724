#!/usr/bin/env bash
# Fuzz one parser with libFuzzer (ships with the Swift toolchain's clang runtime).
#
#   scripts/fuzz.sh [keys|theme|scenario] [seconds]      (defaults: keys, 60)
#
#   keys      Fuzz/KeyDecoderFuzz: terminal bytes -> KeyDecoder (any split) -> KeyMap -> reduce
#   theme     Fuzz/ThemeFuzz:      bytes -> ThemeFile.parse
#   scenario  Fuzz/ScenarioFuzz:   bytes -> ScenarioParser.parse
#
# Builds RCUEngine and Dashboard from Sources/ as static libraries instrumented with
# -sanitize=fuzzer,address (swiftc directly; SwiftPM is not involved), links the harness, and runs it
# for the given seconds. Seeds come from Fuzz/corpus/<target>/ (read only); inputs libFuzzer finds
# go to .build/fuzz/corpus-<target>/ and a crashing input to .build/fuzz/crash-<target>-*.
# Exit status: 0 when no crash was found, non-zero otherwise (libFuzzer's). Extra arguments after
# the seconds go to libFuzzer (e.g. -jobs=2, or a crash file to replay it).
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-keys}"
seconds="${2:-60}"
shift $(( $# > 2 ? 2 : $# ))
case "$target" in
  keys) harness=Fuzz/KeyDecoderFuzz/main.swift ;;
  theme) harness=Fuzz/ThemeFuzz/main.swift ;;
  scenario) harness=Fuzz/ScenarioFuzz/main.swift ;;
  *) echo "usage: scripts/fuzz.sh [keys|theme|scenario] [seconds] [libFuzzer flags...]" >&2; exit 2 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: seconds must be a whole number" >&2; exit 2; }

out=.build/fuzz
mkdir -p "$out/corpus-$target"
flags=(-swift-version 6 -parse-as-library -O -g -sanitize=fuzzer,address -warnings-as-errors)

# Rebuild the libraries only when a source is newer than them.
build_lib() {  # name, source dir, extra flags...
  local name=$1 dir=$2; shift 2
  local lib="$out/lib$name.a"
  if [[ -f "$lib" ]] && [[ -z "$(find "$dir" -name '*.swift' -newer "$lib" -print -quit)" ]]; then return; fi
  echo "fuzz.sh: building $name" >&2
  # shellcheck disable=SC2046
  swiftc "${flags[@]}" -module-name "$name" -emit-library -static -o "$lib" \
    -emit-module -emit-module-path "$out/$name.swiftmodule" -I "$out" "$@" $(find "$dir" -name '*.swift' | sort)
}
build_lib RCUEngine Sources/RCUEngine
build_lib Dashboard Sources/Dashboard

exe="$out/fuzz-$target"
if [[ ! -x "$exe" || "$harness" -nt "$exe" || "$out/libDashboard.a" -nt "$exe" || "$out/libRCUEngine.a" -nt "$exe" ]]; then
  echo "fuzz.sh: linking $exe" >&2
  swiftc "${flags[@]}" -module-name "Fuzz_$target" -I "$out" "$harness" -L "$out" -lDashboard -lRCUEngine -o "$exe"
fi

echo "fuzz.sh: running $target for $seconds s" >&2
# Run in the foreground; Ctrl-C stops libFuzzer, which prints its stats and exits.
exec "$exe" -max_total_time="$seconds" -print_final_stats=1 -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$out/crash-$target-" "$@" "$out/corpus-$target" "Fuzz/corpus/$target"
