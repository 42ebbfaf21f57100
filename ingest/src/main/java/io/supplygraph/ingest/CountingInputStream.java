package io.supplygraph.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what a parser reads, and reads what it left: a parser may stop at the end of its root element,
 * but the document's digest covers every byte received. A reader may mark and reset it to look ahead (OSV records
 * are JSON or YAML); what it reads again is not counted twice.
 */
final class CountingInputStream extends FilterInputStream {

    private long count;
    private long marked;

    CountingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    @Override
    public synchronized void mark(int readLimit) {
        super.mark(readLimit);
        marked = count;
    }

    @Override
    public synchronized void reset() throws IOException {
        super.reset();
        count = marked;
    }

    @Override
    public void close() {
        // The caller owns the underlying stream and drains it after parsing: a parser closing it would lose the tail.
    }

    void drain() throws IOException {
        if (read() < 0) {
            return; // the usual case for a small document, which the parser's own buffer took whole
        }
        byte[] sink = new byte[8192];
        while (read(sink, 0, sink.length) >= 0) {
            // reading is the point: the bytes feed the digest
        }
    }

    long count() {
        return count;
    }
}
