#!/bin/bash
# Every string shown to people is in translations/berth_zh_CN.ts and translated.
# Runs lupdate over the sources into a copy, so the check sees strings added since the last
# `cmake --build build --target update_translations`.
set -euo pipefail
lupdate="$1"
root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/translations/berth_zh_CN.ts" "$work/"
mapfile -t sources < <(cd "$root" && git ls-files --cached --others --exclude-standard -- 'cli/*.cpp' 'cli/*.h' 'gui/*.cpp' 'gui/*.h')
(cd "$root" && "$lupdate" -silent -no-obsolete -locations none "${sources[@]}" -ts "$work/berth_zh_CN.ts")
unfinished=$(grep -c 'type="unfinished"' "$work/berth_zh_CN.ts" || true)
if [[ "$unfinished" != 0 ]]; then
    echo "$unfinished strings have no zh_CN translation; run the update_translations target and translate them:"
    grep -B3 'type="unfinished"' "$work/berth_zh_CN.ts" | grep '<source>' | head -20
    exit 1
fi
echo "all $(grep -c '<source>' "$work/berth_zh_CN.ts") strings translated"
