package drogulus.cli;

/**
 * How the process ends once its command has a status. {@code System.exit} on JDK 21 and later first asks a
 * {@code System.Logger} whether to log the exit; finding that logger runs a ServiceLoader over the class path, which
 * opens the 13,000-entry jar and reads its whole directory: 30-35 ms of CPU at the end of a run that otherwise never
 * opens it (its classes all come from the ahead-of-time cache), such as {@code -e (+ 1 2)} or a script that fails.
 * When {@code main} returns instead, the JVM ends as it does after {@code System.exit} (shutdown hooks run) without
 * that look-up: status 0 by returning, status 1 by {@code main} ending with {@link Status}, which the java launcher
 * turns into status 1 and the main thread's handler keeps quiet. Other statuses, and runs that leave threads the JVM
 * would wait for, still call {@code System.exit}.
 */
final class ProcessEnd {
    private ProcessEnd() {
    }

    /** Thrown out of main to end with status 1: no message, no trace, never printed. */
    static final class Status extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Status() {
            super(null, null, false, false);
        }
    }

    /**
     * Keeps {@link Status} quiet and hands anything else to the handler it replaced. A class rather than a lambda: a
     * lambda is spun at its first use, milliseconds in a run that fails before anything else needed one.
     */
    record Quiet(Thread.UncaughtExceptionHandler usual) implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            if (!(e instanceof Status)) {
                usual.uncaughtException(thread, e);
            }
        }
    }

    /** How main should end with this status: by returning, by throwing {@link Status}, or by System.exit. */
    enum Way { RETURN, THROW, EXIT }

    /** The way to end with status when othersRunning says whether threads the JVM would wait for are alive. */
    static Way way(int status, boolean othersRunning) {
        if (othersRunning || status < 0 || status > 1) {
            return Way.EXIT;
        }
        return status == 0 ? Way.RETURN : Way.THROW;
    }

    /** Ends the calling main thread's run with status; returns only when main should return. */
    static void end(int status) {
        switch (way(status, othersRunning())) {
            case RETURN -> {
            }
            case THROW -> {
                Thread main = Thread.currentThread();
                main.setUncaughtExceptionHandler(new Quiet(main.getUncaughtExceptionHandler()));
                throw new Status();
            }
            default -> System.exit(status);
        }
    }

    /** Whether a thread other than this one is alive and not a daemon: the JVM would wait for it before ending. */
    static boolean othersRunning() {
        Thread self = Thread.currentThread();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != self && t.isAlive() && !t.isDaemon()) {
                return true;
            }
        }
        return false;
    }
}
