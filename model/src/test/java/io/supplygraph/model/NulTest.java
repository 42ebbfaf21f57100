package io.supplygraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NulTest {

    @Test
    void replacesEachNulBySymbolForNull() {
        assertThat(Nul.escape("\u0000a\u0000\u0000")).isEqualTo("\u2400a\u2400\u2400");
    }

    @Test
    void keepsOtherControlCharactersAndNull() {
        assertThat(Nul.escape("a\u0001\t\n\u001Fb")).isEqualTo("a\u0001\t\n\u001Fb");
        assertThat(Nul.escape(null)).isNull();
    }
}
