package io.supplygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class CountingInputStreamTest {

    @Test
    void bytesReadAgainAfterAResetCountOnce() throws Exception {
        CountingInputStream in = new CountingInputStream(
                new BufferedInputStream(new ByteArrayInputStream(new byte[100])));
        in.mark(50);
        assertThat(in.readNBytes(30)).hasSize(30);
        in.reset();
        in.drain();
        assertThat(in.count()).isEqualTo(100);
    }
}
