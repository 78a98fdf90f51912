package drogulus.cli;

/** Stands in for drogulus's main class in {@link LauncherTest}: prints its arguments, so the test sees them. */
final class LauncherEcho {
    private LauncherEcho() {
    }

    public static void main(String[] args) {
        System.out.println(String.join(" ", args));
    }
}
