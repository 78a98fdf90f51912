#!/usr/bin/env bash
# Measures signatures, verifications and msgpack speed: bench/crypto/run.sh [seconds-per-figure]
# Builds the shaded jar if it is missing, then runs CryptoBench.java in source-file mode against it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/target/drogulus.jar"
if [ ! -f "$jar" ]; then
    (cd "$root" && mvn -B -q -o -DskipTests package)
fi
exec java -cp "$jar" "$root/bench/crypto/CryptoBench.java" "$@"
