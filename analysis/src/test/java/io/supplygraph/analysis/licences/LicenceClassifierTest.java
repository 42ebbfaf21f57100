package io.supplygraph.analysis.licences;

import static io.supplygraph.analysis.view.LicenceClass.NETWORK_COPYLEFT;
import static io.supplygraph.analysis.view.LicenceClass.PERMISSIVE;
import static io.supplygraph.analysis.view.LicenceClass.PROPRIETARY_OR_UNKNOWN;
import static io.supplygraph.analysis.view.LicenceClass.STRONG_COPYLEFT;
import static io.supplygraph.analysis.view.LicenceClass.WEAK_COPYLEFT;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.view.LicenceClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenceClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "MIT | PERMISSIVE",
            "apache-2.0 | PERMISSIVE",
            "PSF-2.0 | PERMISSIVE",
            "CC-BY-4.0 | PERMISSIVE",
            "LGPL-2.1-or-later | WEAK_COPYLEFT",
            "MPL-2.0 | WEAK_COPYLEFT",
            "EPL-2.0 | WEAK_COPYLEFT",
            "GPL-2.0-only | STRONG_COPYLEFT",
            "GPL-3.0+ | STRONG_COPYLEFT",
            "CC-BY-SA-4.0 | STRONG_COPYLEFT",
            "AGPL-3.0-or-later | NETWORK_COPYLEFT",
            "SSPL-1.0 | NETWORK_COPYLEFT",
            "CC-BY-NC-4.0 | PROPRIETARY_OR_UNKNOWN",
            "BUSL-1.1 | PROPRIETARY_OR_UNKNOWN",
            "LicenseRef-Acme-EULA | PROPRIETARY_OR_UNKNOWN",
            "NOASSERTION | PROPRIETARY_OR_UNKNOWN",
            "NONE | PROPRIETARY_OR_UNKNOWN",
            "Acme-Public-1.0 | PROPRIETARY_OR_UNKNOWN",
            "'Apache License, Version 2.0' | PROPRIETARY_OR_UNKNOWN",
            // an OR is the licensee's choice: the least restrictive counts
            "MIT OR GPL-3.0-only | PERMISSIVE",
            "EPL-2.0 OR GPL-2.0 WITH Classpath-exception-2.0 | WEAK_COPYLEFT",
            "GPL-3.0-only OR LicenseRef-Commercial | STRONG_COPYLEFT",
            // an AND binds every term: the most restrictive counts
            "MIT AND LGPL-2.1-only | WEAK_COPYLEFT",
            "Apache-2.0 AND (MIT OR GPL-2.0-only) | PERMISSIVE",
            "BSD-3-Clause AND AGPL-3.0-only | NETWORK_COPYLEFT",
            "MIT AND LicenseRef-Acme | PROPRIETARY_OR_UNKNOWN",
            // a linking exception makes strong copyleft weak; another exception changes nothing
            "GPL-2.0-only WITH Classpath-exception-2.0 | WEAK_COPYLEFT",
            "GPL-2.0-with-classpath-exception | WEAK_COPYLEFT",
            "Apache-2.0 WITH LLVM-exception | PERMISSIVE",
            "GPL-2.0-or-later WITH Bison-exception-2.2 | WEAK_COPYLEFT",
            "GPL-3.0-only WITH Autoconf-exception-3.0 | WEAK_COPYLEFT",
            "GPL-2.0-only WITH LicenseRef-Mine | STRONG_COPYLEFT"})
    void classifies(String expression, LicenceClass expected) {
        assertThat(LicenceClassifier.classify(expression)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"PERMISSIVE,WEAK_COPYLEFT", "WEAK_COPYLEFT,STRONG_COPYLEFT", "STRONG_COPYLEFT,NETWORK_COPYLEFT",
            "NETWORK_COPYLEFT,PROPRIETARY_OR_UNKNOWN"})
    void classesAreDeclaredFromLeastToMostRestrictive(LicenceClass less, LicenceClass more) {
        assertThat(less).isLessThan(more);
        assertThat(PERMISSIVE.copyleft() || PROPRIETARY_OR_UNKNOWN.copyleft()).isFalse();
        assertThat(WEAK_COPYLEFT.copyleft() && STRONG_COPYLEFT.copyleft() && NETWORK_COPYLEFT.copyleft()).isTrue();
    }
}
