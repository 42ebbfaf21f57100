package io.supplygraph.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RematchJobsTest {

    private static List<String> keys(int n) {
        return IntStream.range(0, n).mapToObj(i -> "pypi/pkg-" + i).toList();
    }

    @Test
    void keysAreSplitInOrderIntoFullChunksAndAShorterLastOne() {
        List<List<String>> chunks = RematchJobs.chunks(keys(1_201), RematchJobs.KEYS_PER_JOB);

        assertThat(chunks).extracting(List::size).containsExactly(500, 500, 201);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(keys(1_201));
    }

    @Test
    void anExactMultipleMakesNoEmptyChunkAndNoKeysMakeNoJob() {
        assertThat(RematchJobs.chunks(keys(1_000), 500)).extracting(List::size).containsExactly(500, 500);
        assertThat(RematchJobs.chunks(keys(3), 500)).containsExactly(keys(3));
        assertThat(RematchJobs.chunks(List.of(), 500)).isEmpty();
    }
}
