package io.supplygraph.analysis.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTest {

    private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

    @Test
    void aPageIsASliceOfTheSortedListWithTheWholeCount() {
        assertThat(Page.of(TEN, 3, 0)).isEqualTo(new Page<>(List.of(0, 1, 2), 10));
        assertThat(Page.of(TEN, 3, 9)).isEqualTo(new Page<>(List.of(9), 10));
        assertThat(Page.of(TEN, 1000, 0).items()).isEqualTo(TEN);
        assertThat(Page.from(TEN, 7)).isEqualTo(new Page<>(List.of(7, 8, 9), 10));
    }

    @Test
    void anOffsetPastTheEndGivesNoItemsButTheCount() {
        assertThat(Page.of(TEN, 5, 10)).isEqualTo(new Page<>(List.of(), 10));
        assertThat(Page.of(TEN, 5, Integer.MAX_VALUE)).isEqualTo(new Page<>(List.of(), 10));
        assertThat(Page.from(List.of(), 3)).isEqualTo(new Page<>(List.of(), 0));
    }

    @Test
    void aLimitOutsideOneToAThousandOrANegativeOffsetIsRefusedSayingWhy() {
        assertThatThrownBy(() -> Page.of(TEN, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be between 1 and 1000, not 0");
        assertThatThrownBy(() -> Page.of(TEN, 1001, 0)).hasMessage("limit must be between 1 and 1000, not 1001");
        assertThatThrownBy(() -> Page.of(TEN, 10, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset must be 0 or more, not -1");
        assertThatThrownBy(() -> Page.from(TEN, -5)).hasMessage("offset must be 0 or more, not -5");
    }
}
