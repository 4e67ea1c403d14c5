package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlStatementShapeTests {

    private static final String SELECT =
            "select \"catalog\".\"product\".\"id\" from \"catalog\".\"product\" where \"catalog\".\"product\".\"id\" = ?";

    @Test
    void theModuleIsTheFirstModuleSchemaTheSqlNames() {
        assertThat(SqlStatementShape.module("update \"inventory\".\"stock\" set x = (select 1 from \"orders\".\"o\")"))
                .isEqualTo("inventory");
        assertThat(SqlStatementShape.module("select count(*) from event_publication")).isEqualTo("other");
    }

    @Test
    void theDigestIsTheSameForTheSameSqlAndDiffersForOtherSql() {
        assertThat(SqlStatementShape.digest(SELECT)).isEqualTo(SqlStatementShape.digest(new String(SELECT)))
                .matches("[0-9a-f]{16}")
                .isNotEqualTo(SqlStatementShape.digest(SELECT.replace("id\" = ?", "sku\" = ?")));
    }

    @Test
    void theStatementTypeIsTheFirstKeyword() {
        assertThat(SqlStatementShape.statementType(SELECT)).isEqualTo("select");
        assertThat(SqlStatementShape.statementType("  INSERT into x values (?)")).isEqualTo("insert");
        assertThat(SqlStatementShape.statementType("delete from x")).isEqualTo("delete");
        assertThat(SqlStatementShape.statementType("with a as (select 1) select * from a")).isEqualTo("other");
    }

    @Test
    void theSqlPrefixIsCappedAt1000Characters() {
        assertThat(SqlStatementShape.of("select " + "x, ".repeat(1000) + "y").sqlPrefix()).hasSize(1000);
        assertThat(SqlStatementShape.of(SELECT).sqlPrefix()).isEqualTo(SELECT);
    }
}
