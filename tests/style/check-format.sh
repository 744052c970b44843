#!/bin/bash
# Every C++ file follows .clang-format; prints the files that do not.
set -euo pipefail
clang_format="${1:-clang-format}"
bad=0
while IFS= read -r -d '' file; do
    if ! "$clang_format" --dry-run --Werror "$file" >/dev/null 2>&1; then
        echo "not formatted: $file (run: $clang_format -i $file)"
        bad=1
    fi
done < <(git ls-files -z --cached --others --exclude-standard -- '*.cpp' '*.h')
exit $bad
