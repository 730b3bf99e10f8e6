#!/bin/sh
# Rough throughput of the faq stage (optimised build, outside SwiftPM). Run from the repository root:
#   sh Plugins/FAQ/tools/bench.sh
set -e
out=${TMPDIR:-/tmp}/faq-bench.$$
mkdir -p "$out"
swiftc -O -parse-as-library -emit-library -emit-module -module-name StageKit \
    -emit-module-path "$out/StageKit.swiftmodule" Plugins/StageKit/Sources/StageKit/*.swift -o "$out/libStageKit.so"
swiftc -O -parse-as-library -I "$out" -L "$out" -lStageKit -module-name FAQBench \
    Plugins/FAQ/Sources/*.swift Plugins/FAQ/tools/bench_main.swift -o "$out/faq-bench"
LD_LIBRARY_PATH="$out" "$out/faq-bench" Tests/Fixtures/seed_article.txt
rm -rf "$out"
