package drogulus.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What follows {@code run}: {@code [--sandbox] FILE ARG...}, or {@code [--sandbox] FILE... -- ARG...} for
 * several files. Without {@code --} the first word is the script and the rest its arguments; {@code -} as a
 * file is standard input.
 */
record RunArgs(List<String> files, List<String> arguments, boolean sandbox) {
    static final String STDIN = "-";

    /** The parsed words, or null if they are not a run we can take (an unknown option, no file): picocli says why. */
    static RunArgs parse(List<String> words) {
        boolean sandbox = !words.isEmpty() && words.get(0).equals("--sandbox");
        List<String> rest = words.subList(sandbox ? 1 : 0, words.size());
        int separator = rest.indexOf("--");
        List<String> files;
        List<String> arguments;
        if (separator >= 0) {
            files = rest.subList(0, separator);
            arguments = rest.subList(separator + 1, rest.size());
        } else if (!rest.isEmpty()) {
            files = rest.subList(0, 1);
            arguments = rest.subList(1, rest.size());
        } else {
            return null;
        }
        if (files.isEmpty()) {
            return null;
        }
        for (String file : files) {
            if (file.startsWith("-") && !file.equals(STDIN)) {
                return null;
            }
        }
        return new RunArgs(List.copyOf(files), List.copyOf(arguments), sandbox);
    }

    static RunArgs parse(String[] words, int from) {
        return parse(new ArrayList<>(Arrays.asList(words).subList(from, words.length)));
    }
}
