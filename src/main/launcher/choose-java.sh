# Sourced by ./drogulus and bench scripts: sets java_real (the java to run) and major (its feature version, 0 when
# unknown). $DROGULUS_JAVA if set, else the newest of $JAVA_HOME's, the one on PATH and those under /usr/lib/jvm,
# compared by each JDK's release file. Read with shell built-ins only: every process started costs a run a few ms.

# Sets release_major to the major version HOME's release file gives, or 0.
read_release_major() {
    local line
    release_major=0
    if [ -f "$1/release" ]; then
        while IFS= read -r line; do
            case "$line" in
                JAVA_VERSION=*) release_major="${line#JAVA_VERSION=\"}"; release_major="${release_major%%[.\"]*}" ;;
            esac
        done < "$1/release"
    fi
    case "$release_major" in ''|*[!0-9]*) release_major=0 ;; esac
}

if [ -n "${DROGULUS_JAVA:-}" ]; then
    java_real="$DROGULUS_JAVA"
    java_file="$(readlink -f "$java_real" 2>/dev/null || echo "$java_real")"
    read_release_major "${java_file%/bin/java}"
    major=$release_major
else
    java_real=""
    major=0
    path_java="$(command -v java || true)"
    [ -n "$path_java" ] && path_java="$(readlink -f "$path_java" 2>/dev/null || echo "$path_java")"
    for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$path_java" /usr/lib/jvm/*/bin/java; do
        [ -n "$candidate" ] && [ -x "$candidate" ] || continue
        read_release_major "${candidate%/bin/java}"
        if [ -z "$java_real" ] || [ "$release_major" -gt "$major" ]; then
            java_real="$candidate"
            major=$release_major
        fi
    done
    if [ -z "$java_real" ]; then
        echo "drogulus: no java found (install a JDK 17 or later, or set DROGULUS_JAVA)" >&2
        exit 1
    fi
fi
