package drogulus.cli;

/** Entry point placeholder while the build is set up. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("drogulus");
    }
}
