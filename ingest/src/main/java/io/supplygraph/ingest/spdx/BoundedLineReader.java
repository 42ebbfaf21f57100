package io.supplygraph.ingest.spdx;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import java.io.IOException;
import java.io.Reader;

/**
 * Lines of text, like {@link java.io.BufferedReader#readLine()}, except that a line longer than the string limit
 * ({@link ReadLimits#MAX_STRING_LENGTH}) rejects the document instead of growing until the heap is gone (a binary
 * file has no line ends).
 */
final class BoundedLineReader {

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int lineNumber;
    private boolean skipLineFeed;

    BoundedLineReader(Reader in) {
        this.in = in;
    }

    /** The number of the line last returned, counting from 1. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator ({@code \n}, {@code \r\n} or {@code \r}), or null at the end. */
    String readLine() throws IOException, DocumentRejectedException {
        StringBuilder longLine = null;
        while (true) {
            if (position == limit && !fill()) {
                if (longLine == null) {
                    return null;
                }
                lineNumber++;
                return longLine.toString();
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            int length = position - start + (longLine == null ? 0 : longLine.length());
            if (length > ReadLimits.MAX_STRING_LENGTH) {
                throw new DocumentRejectedException("line " + (lineNumber + 1) + ": " + ReadLimits.stringTooLong());
            }
            if (position < limit) {
                skipLineFeed = buffer[position] == '\r';
                position++;
                lineNumber++;
                if (longLine == null) {
                    return new String(buffer, start, position - 1 - start);
                }
                return longLine.append(buffer, start, position - 1 - start).toString();
            }
            if (longLine == null) {
                longLine = new StringBuilder(2 * (position - start) + 16);
            }
            longLine.append(buffer, start, position - start);
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
