package io.supplygraph.model.version;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Maven's {@code ComparableVersion} (maven-artifact, current master), reimplemented so that the model module needs
 * no Maven dependency. A version is a tree of items: numbers, qualifiers, qualifier-number combinations
 * ({@code rc1}, {@code ga-1}) and sub-lists opened by {@code -} or by a digit/letter transition. The subtle parts
 * (trailing "null" items trimmed per list, a {@code .X} qualifier treated as {@code -X}, {@code X-1} read as
 * {@code X1}) follow the reference line by line, because every one of them changes real orderings such as
 * {@code 1.0.0.RC1 < 1.0.0-RC2}. Maven accepts every string, and so does this scheme, except the empty one.
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
            return items.compareTo(((MavenVersion) o).items);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static ListItem parseItems(String version) {
        ListItem list = new ListItem();
        ListItem root = list;
        Deque<ListItem> stack = new ArrayDeque<>();
        stack.push(list);
        boolean isDigit = false;
        boolean isCombination = false;
        int startIndex = 0;
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (c == '.') {
                list.add(i == startIndex ? NumItem.ZERO : parseItem(isCombination, isDigit, version, startIndex, i));
                isCombination = false;
                startIndex = i + 1;
            } else if (c == '-') {
                if (i == startIndex) {
                    list.add(NumItem.ZERO);
                } else {
                    // "X-1" is read as "X1", a combination
                    if (!isDigit && i != version.length() - 1 && Character.isDigit(version.charAt(i + 1))) {
                        isCombination = true;
                        continue;
                    }
                    list.add(parseItem(isCombination, isDigit, version, startIndex, i));
                }
                startIndex = i + 1;
                if (!list.isEmpty()) {
                    list = list.addList();
                    stack.push(list);
                }
                isCombination = false;
            } else if (Num.isDigit(c)) {
                if (!isDigit && i > startIndex) {
                    isCombination = true;
                    if (!list.isEmpty()) {
                        list = list.addList();
                        stack.push(list);
                    }
                }
                isDigit = true;
            } else {
                if (isDigit && i > startIndex) {
                    list.add(parseItem(isCombination, true, version, startIndex, i));
                    startIndex = i;
                    list = list.addList();
                    stack.push(list);
                    isCombination = false;
                }
                isDigit = false;
            }
        }
        if (version.length() > startIndex) {
            // 1.0.0.X1 < 1.0.0-X2: a trailing ".X" qualifier is treated as "-X"
            if (!isDigit && !list.isEmpty()) {
                list = list.addList();
                stack.push(list);
            }
            list.add(parseItem(isCombination, isDigit, version, startIndex, version.length()));
        }
        while (!stack.isEmpty()) {
            stack.pop().normalize();
        }
        return root;
    }

    private static Item parseItem(boolean isCombination, boolean isDigit, String s, int start, int end) {
        if (isCombination) {
            CombinationItem combination = CombinationItem.of(s.substring(start, end).replace("-", ""));
            // The POM reference's version order says 1-ga-1 = 1-1: a release qualifier before a number is no
            // qualifier at all. ComparableVersion keeps "ga1" as a combination and orders it below 1; the
            // specification wins here, and only here.
            return combination.stringPart.rank == StringItem.RELEASE ? combination.digitPart : combination;
        }
        if (isDigit) {
            return new NumItem(Num.of(s, start, end));
        }
        return StringItem.of(s.substring(start, end), false);
    }

    private sealed interface Item permits NumItem, StringItem, CombinationItem, ListItem {
        /** Compares with another item, or with "nothing" (a missing item in a shorter list) when null. */
        int compareTo(Item item);

        boolean isNull();
    }

    private record NumItem(Num value) implements Item {
        static final NumItem ZERO = new NumItem(Num.ZERO);

        @Override
        public int compareTo(Item item) {
            if (item == null) {
                return value.isZero() ? 0 : 1;
            }
            return item instanceof NumItem n ? value.compareTo(n.value) : 1;
        }

        @Override
        public boolean isNull() {
            return value.isZero();
        }
    }

    private record StringItem(String value, int rank) implements Item {
        private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
        private static final int RELEASE = QUALIFIERS.indexOf("");
        private static final int UNKNOWN = QUALIFIERS.size();

        static StringItem of(String value, boolean followedByDigit) {
            if (followedByDigit && value.length() == 1) {
                switch (value.charAt(0)) {
                    case 'a' -> value = "alpha";
                    case 'b' -> value = "beta";
                    case 'm' -> value = "milestone";
                    default -> { }
                }
            }
            if (value.equals("cr")) {
                value = "rc";
            }
            int rank = switch (value) {
                case "ga", "final", "release" -> RELEASE;
                default -> {
                    int i = QUALIFIERS.indexOf(value);
                    yield i < 0 ? UNKNOWN : i;
                }
            };
            return new StringItem(value, rank);
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
                return Integer.compare(rank, RELEASE);
            }
            if (item instanceof StringItem s) {
                return compareQualifier(s);
            }
            if (item instanceof CombinationItem c) {
                int result = compareQualifier(c.stringPart);
                if (result == 0) {
                    return compareTo(null) == 0 ? -c.digitPart.compareTo(null) : -1;
                }
                return result;
            }
            return item instanceof ListItem l ? -l.compareTo(this) : -1;
        }

        @Override
        public boolean isNull() {
            return value.isEmpty();
        }
    }

    private record CombinationItem(StringItem stringPart, NumItem digitPart) implements Item {
        static CombinationItem of(String value) {
            int index = 0;
            for (int i = 0; i < value.length(); i++) {
                if (Num.isDigit(value.charAt(i))) {
                    index = i;
                    break;
                }
            }
            return new CombinationItem(StringItem.of(value.substring(0, index), true),
                    new NumItem(Num.of(value, index, value.length())));
        }

        @Override
        public int compareTo(Item item) {
            if (item == null) {
                int result = stringPart.compareTo(null);
                return result == 0 ? digitPart.compareTo(null) : result;
            }
            if (item instanceof StringItem s) {
                int result = stringPart.compareTo(s);
                if (result == 0) {
                    return stringPart.compareTo(null) == 0 ? digitPart.compareTo(null) : 1;
                }
                return result;
            }
            if (item instanceof CombinationItem c) {
                int result = stringPart.compareTo(c.stringPart);
                return result == 0 ? digitPart.compareTo(c.digitPart) : result;
            }
            return item instanceof ListItem l ? -l.compareTo(this) : -1;
        }

        @Override
        public boolean isNull() {
            return false;
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

        void normalize() {
            for (int i = items.size() - 1; i >= 0; i--) {
                if (!items.get(i).isNull()) {
                    continue;
                }
                if (i == items.size() - 1 || items.get(i + 1) instanceof StringItem) {
                    items.remove(i);
                } else if (items.get(i + 1) instanceof ListItem next && !next.items.isEmpty()
                        && (next.items.get(0) instanceof CombinationItem || next.items.get(0) instanceof StringItem)) {
                    items.remove(i);
                }
            }
            if (items.size() == 1 && items.get(0) instanceof ListItem only) {
                // removing a zero prefix must not leave an extra level of nesting
                items.clear();
                items.addAll(only.items);
            }
        }

        @Override
        public boolean isNull() {
            return items.isEmpty();
        }

        @Override
        public int compareTo(Item item) {
            if (item == null) {
                for (Item i : items) {
                    int result = i.compareTo(null);
                    if (result != 0) {
                        return result;
                    }
                }
                return 0;
            }
            if (item instanceof ListItem other) {
                return compareList(other);
            }
            return item instanceof NumItem ? -1 : compareScalar(item);
        }

        private int compareScalar(Item scalar) {
            int result = items.isEmpty() ? -scalar.compareTo(null) : items.get(0).compareTo(scalar);
            for (int i = 1; result == 0 && i < items.size(); i++) {
                result = items.get(i).compareTo(null);
            }
            return result;
        }

        private int compareList(ListItem other) {
            int n = Math.max(items.size(), other.items.size());
            for (int i = 0; i < n; i++) {
                Item l = i < items.size() ? items.get(i) : null;
                Item r = i < other.items.size() ? other.items.get(i) : null;
                int result = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        }
    }
}
