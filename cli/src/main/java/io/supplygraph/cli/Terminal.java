package io.supplygraph.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the CLI knows of where its output goes. On a terminal, tables are cut to its width, long lists to its height,
 * and a destructive command asks before it acts; piped into a file or another program, nothing is cut and nobody
 * is asked. The commands ask {@link Main}'s terminal, so that tests can give one of a known size.
 */
interface Terminal {

    /** Columns assumed when a terminal does not say. */
    int DEFAULT_COLUMNS = 80;
    int DEFAULT_ROWS = 24;

    /** True when a person reads the output and can answer: standard input and output are a terminal. */
    boolean interactive();

    int columns();

    int rows();

    /** Asks a yes-or-no question; only "y" or "yes" is a yes. Only asked when {@link #interactive}. */
    boolean confirm(String question);

    /** The process's own: a terminal when the JVM has a console. */
    static Terminal system() {
        Console console = System.console();
        return console == null ? piped() : new SystemTerminal(console);
    }

    /** Output to a file or a pipe: no size, nobody to ask. */
    static Terminal piped() {
        return new Fixed(false, Integer.MAX_VALUE, Integer.MAX_VALUE, new ArrayDeque<>());
    }

    /** A terminal of a known size that answers with {@code answers}, in turn (for tests). */
    static Terminal of(int columns, int rows, List<String> answers) {
        return new Fixed(true, columns, rows, new ArrayDeque<>(answers));
    }

    /** A terminal that is what it is told, or none ({@code interactive} false). */
    record Fixed(boolean interactive, int columns, int rows, Deque<String> answers) implements Terminal {
        @Override
        public boolean confirm(String question) {
            if (!interactive) {
                throw new IllegalStateException("nobody to ask: the output is not a terminal");
            }
            return isYes(answers.poll());
        }
    }

    static boolean isYes(String answer) {
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    /** The JVM's console; its size from {@code $COLUMNS}/{@code $LINES}, else from {@code stty}, read once. */
    final class SystemTerminal implements Terminal {
        private final Console console;
        private int[] size;

        SystemTerminal(Console console) {
            this.console = console;
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public int columns() {
            return size()[1];
        }

        @Override
        public int rows() {
            return size()[0];
        }

        @Override
        public boolean confirm(String question) {
            return isYes(console.readLine("%s", question));
        }

        private int[] size() {
            if (size == null) {
                size = new int[] {fromEnvironment("LINES", -1), fromEnvironment("COLUMNS", -1)};
                if (size[0] < 1 || size[1] < 1) {
                    int[] asked = stty();
                    size[0] = size[0] < 1 ? asked[0] : size[0];
                    size[1] = size[1] < 1 ? asked[1] : size[1];
                }
            }
            return size;
        }

        private static int fromEnvironment(String name, int otherwise) {
            try {
                return Integer.parseInt(System.getenv().getOrDefault(name, "").strip());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }

        /**
         * Java cannot ask the terminal its size; {@code stty} can, given the terminal as its input. A few
         * milliseconds, paid only when a table goes to a terminal.
         */
        private static int[] stty() {
            try {
                Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(
                        new java.io.File("/dev/tty"))).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
                if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    String[] parts = answer.split("\\s+");
                    return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
                }
            } catch (IOException | RuntimeException e) {
                // No stty (Windows), no /dev/tty: the defaults below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new int[] {DEFAULT_ROWS, DEFAULT_COLUMNS};
        }
    }
}
