#!/usr/bin/env bash
# Measures signatures, verifications and msgpack speed: bench/crypto/run.sh [seconds-per-figure]
# Lets the launcher (re)build the shaded jar when sources changed, then runs CryptoBench.java in source-file
# mode against it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
"$root/drogulus" -e 'nil' >/dev/null
exec java -cp "$root/target/drogulus.jar" "$root/bench/crypto/CryptoBench.java" "$@"
