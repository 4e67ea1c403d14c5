package dev.queuescope.perf.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTextTests {

    @Test
    void theSelectListCollapsesSoTheWhereClauseShows() {
        assertThat(SqlText.shown("select \"p\".\"id\", \"p\".\"sku\",\n  \"p\".\"name\" from \"catalog\".\"product\" \"p\" "
                + "where lower(\"p\".\"name\") like ?"))
                .isEqualTo("select … from \"catalog\".\"product\" \"p\" where lower(\"p\".\"name\") like ?");
    }

    @Test
    void statementsWithoutASelectListStayAsTheyAre() {
        assertThat(SqlText.shown("update orders.daily_sales set orders = orders + 1 where day = ?"))
                .isEqualTo("update orders.daily_sales set orders = orders + 1 where day = ?");
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        assertThat(SqlText.shown("insert into t values " + "(?), ".repeat(200))).hasSize(SqlText.SHOWN + 1).endsWith("…");
    }
}
