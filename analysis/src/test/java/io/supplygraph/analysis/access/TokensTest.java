package io.supplygraph.analysis.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokensTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTokenAuthenticatesUntilRevokedAndOnlyItsHashIsKept(Kind kind) {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, temp))) {
            Tokens tokens = graph.tokens();
            Tokens.Created created = tokens.create("ci", Scope.WRITE);
            assertThat(created.secret()).startsWith("sg_").hasSize(3 + 43);

            assertThat(tokens.authenticate(created.secret())).get()
                    .satisfies(t -> assertThat(t.name()).isEqualTo("ci"))
                    .satisfies(t -> assertThat(t.scope()).isEqualTo(Scope.WRITE));
            assertThat(tokens.authenticate(created.secret() + "x")).isEmpty();
            assertThat(tokens.authenticate("not-even-a-token")).isEmpty();
            assertThat(tokens.authenticate(null)).isEmpty();

            assertThat(tokens.list()).singleElement().satisfies(t -> assertThat(t.revoked()).isNull());
            assertThat(tokens.revoke("ci")).isTrue();
            assertThat(tokens.revoke("ci")).as("nothing left to revoke").isFalse();
            assertThat(tokens.authenticate(created.secret())).isEmpty();
            assertThat(tokens.list()).singleElement().satisfies(t -> assertThat(t.revoked()).isNotNull());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNameIsUniqueAmongTokensInForceAndFreeAgainOnceRevoked(Kind kind) {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, temp))) {
            Tokens tokens = graph.tokens();
            tokens.create("grafana", Scope.READ);
            assertThatThrownBy(() -> tokens.create("grafana", Scope.READ)).hasMessageContaining("exists already");
            tokens.revoke("grafana");
            Tokens.Created again = tokens.create("grafana", Scope.READ);
            assertThat(tokens.authenticate(again.secret())).isPresent();
            assertThat(tokens.list()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void namesThatWouldNotReadWellInALogAreRefused(Kind kind) {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, temp))) {
            assertThatThrownBy(() -> graph.tokens().create("ci token\n", Scope.READ))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 64 letters");
        }
    }

    @org.junit.jupiter.api.Test
    void writeImpliesReadButNotTheOtherWay() {
        assertThat(Scope.WRITE.allows(Scope.READ)).isTrue();
        assertThat(Scope.READ.allows(Scope.WRITE)).isFalse();
        assertThat(Scope.of("Write")).isEqualTo(Scope.WRITE);
        assertThatThrownBy(() -> Scope.of("admin")).hasMessageContaining("read, write");
    }
}
