package io.supplygraph.model.version;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Maven's {@code ComparableVersion} as Maven 3.9 ships it (maven-artifact 3.9.6), reimplemented so that the model
 * module needs no Maven dependency; {@code MavenOracleTest} holds the two to each other over generated mixtures of
 * separators, digits and qualifiers. A version is a list of items: numbers, qualifiers and sub-lists, a sub-list
 * opened by {@code -} and by every transition between digits and letters ({@code 3.2.0rc2} is
 * {@code 3.2.0-rc-2}). Only {@code .} and {@code -} separate; {@code _} is part of a qualifier. The subtle parts
 * follow the reference line by line, because each one decides real orderings: trailing "null" items (0, release
 * qualifiers, empty lists) are dropped from each list, a {@code .X} qualifier opens a list as {@code -X} does, and
 * an unknown qualifier orders after every known one and the release, then alphabetically. An earlier version of
 * this class followed Maven's master branch (combination items such as {@code rc1}, {@code _} as a separator) and
 * disagreed with the Maven that resolves dependencies today on pairs such as {@code 1.5.9.RC1} and
 * {@code 1.5.9-RC0}. Maven accepts every string, and so does this scheme, except the empty one.
 */
public record MavenScheme() implements VersionScheme {

    @Override
    public String name() {
        return "Maven";
    }

    @Override
    public Version parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(name(), String.valueOf(text), "empty version");
        }
        return new MavenVersion(text, parseItems(text.toLowerCase(Locale.ENGLISH)));
    }

    record MavenVersion(String text, ListItem items) implements Version {
        @Override
        public int compareTo(Version o) {
            return Integer.signum(items.compareTo(((MavenVersion) o).items));
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code ComparableVersion.parseVersion}. */
    private static ListItem parseItems(String version) {
        ListItem list = new ListItem();
        ListItem root = list;
        Deque<ListItem> stack = new ArrayDeque<>();
        stack.push(list);
        boolean isDigit = false;
        int startIndex = 0;
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (c == '.' || c == '-') {
                list.add(i == startIndex ? NumItem.ZERO : parseItem(isDigit, version, startIndex, i));
                startIndex = i + 1;
                if (c == '-') {
                    list = list.addList();
                    stack.push(list);
                }
            } else if (Character.isDigit(c)) {
                if (!isDigit && i > startIndex) {
                    // 1.0.0.X1 < 1.0.0-X2: a qualifier followed by digits opens a list, as "-X" would
                    if (!list.isEmpty()) {
                        list = list.addList();
                        stack.push(list);
                    }
                    list.add(StringItem.of(version.substring(startIndex, i), true));
                    startIndex = i;
                    list = list.addList();
                    stack.push(list);
                }
                isDigit = true;
            } else {
                if (isDigit && i > startIndex) {
                    list.add(parseItem(true, version, startIndex, i));
                    startIndex = i;
                    list = list.addList();
                    stack.push(list);
                }
                isDigit = false;
            }
        }
        if (version.length() > startIndex) {
            // treat a trailing ".X" as "-X" for any string qualifier X
            if (!isDigit && !list.isEmpty()) {
                list = list.addList();
                stack.push(list);
            }
            list.add(parseItem(isDigit, version, startIndex, version.length()));
        }
        while (!stack.isEmpty()) {
            stack.pop().normalize();
        }
        return root;
    }

    private static Item parseItem(boolean isDigit, String s, int start, int end) {
        return isDigit ? NumItem.of(s, start, end) : StringItem.of(s.substring(start, end), false);
    }

    private sealed interface Item permits NumItem, StringItem, ListItem {
        /** Compares with another item, or with "nothing" (a missing item in a shorter list) when null. */
        int compareTo(Item item);

        boolean isNull();
    }

    /** Maven's IntItem, LongItem and BigIntegerItem in one: they order as the numbers they hold. */
    private record NumItem(Num value) implements Item {
        static final NumItem ZERO = new NumItem(Num.ZERO);

        /** {@link Character#isDigit} admits any Unicode digit, as Maven's {@code Integer.parseInt} reads it. */
        static NumItem of(String s, int start, int end) {
            boolean plain = true;
            for (int i = start; i < end && plain; i++) {
                plain = Num.isDigit(s.charAt(i));
            }
            if (plain) {
                return new NumItem(Num.of(s, start, end));
            }
            StringBuilder ascii = new StringBuilder(end - start);
            for (int i = start; i < end; i++) {
                ascii.append((char) ('0' + Character.digit(s.charAt(i), 10)));
            }
            return new NumItem(Num.of(ascii, 0, ascii.length()));
        }

        @Override
        public int compareTo(Item item) {
            if (item == null) {
                return value.isZero() ? 0 : 1; // 1.0 == 1, 1.1 > 1
            }
            // 1.1 > 1-sp, 1.1 > 1-1
            return item instanceof NumItem n ? value.compareTo(n.value) : 1;
        }

        @Override
        public boolean isNull() {
            return value.isZero();
        }
    }

    /**
     * A qualifier: the known ones rank alpha < beta < milestone < rc < snapshot < (release) < sp, and any other
     * after them all, alphabetically (Maven compares {@code "7-" + qualifier} with the known ranks as text).
     */
    private record StringItem(String value, int rank) implements Item {
        private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
        private static final int RELEASE = QUALIFIERS.indexOf("");
        private static final int UNKNOWN = QUALIFIERS.size();

        static StringItem of(String value, boolean followedByDigit) {
            if (followedByDigit && value.length() == 1) {
                // a1 = alpha-1, b1 = beta-1, m1 = milestone-1
                switch (value.charAt(0)) {
                    case 'a' -> value = "alpha";
                    case 'b' -> value = "beta";
                    case 'm' -> value = "milestone";
                    default -> { }
                }
            }
            value = switch (value) {
                case "ga", "final", "release" -> "";
                case "cr" -> "rc";
                default -> value;
            };
            int known = QUALIFIERS.indexOf(value);
            return new StringItem(value, known < 0 ? UNKNOWN : known);
        }

        private int compareQualifier(StringItem o) {
            if (rank != o.rank) {
                return rank < o.rank ? -1 : 1;
            }
            return rank == UNKNOWN ? Integer.signum(value.compareTo(o.value)) : 0;
        }

        @Override
        public int compareTo(Item item) {
            if (item == null) {
                return Integer.compare(rank, RELEASE); // 1-rc < 1, 1-sp > 1
            }
            // 1.any < 1.1, 1.any < 1-1
            return item instanceof StringItem s ? compareQualifier(s) : -1;
        }

        @Override
        public boolean isNull() {
            return rank == RELEASE;
        }
    }

    private static final class ListItem implements Item {
        private final List<Item> items = new ArrayList<>(4);

        void add(Item item) {
            items.add(item);
        }

        ListItem addList() {
            ListItem child = new ListItem();
            items.add(child);
            return child;
        }

        boolean isEmpty() {
            return items.isEmpty();
        }

        /** Drops trailing null items (0, release qualifiers, empty lists), stopping at the first other non-list. */
        void normalize() {
            for (int i = items.size() - 1; i >= 0; i--) {
                Item last = items.get(i);
                if (last.isNull()) {
                    items.remove(i);
                } else if (!(last instanceof ListItem)) {
                    break;
                }
            }
        }

        @Override
        public boolean isNull() {
            return items.isEmpty();
        }

        @Override
        public int compareTo(Item item) {
            if (item == null) {
                // the whole list against nothing, not just its first item (MNG-6964)
                for (Item i : items) {
                    int result = i.compareTo(null);
                    if (result != 0) {
                        return result;
                    }
                }
                return 0;
            }
            if (item instanceof NumItem) {
                return -1; // 1-1 < 1.0.x
            }
            if (item instanceof StringItem) {
                return 1; // 1-1 > 1-sp
            }
            List<Item> other = ((ListItem) item).items;
            int n = Math.max(items.size(), other.size());
            for (int i = 0; i < n; i++) {
                Item l = i < items.size() ? items.get(i) : null;
                Item r = i < other.size() ? other.get(i) : null;
                int result = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        }
    }
}
