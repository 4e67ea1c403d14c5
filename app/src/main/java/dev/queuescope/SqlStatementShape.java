package dev.queuescope;

import java.util.HexFormat;
import java.util.Locale;

/**
 * What a {@code queuescope.DbStatement} event says about a SQL string. jOOQ renders bind values as
 * {@code ?}, so the rendered SQL already is the statement's shape and hashing it gives a digest
 * that is stable across calls, runs and JVMs (FNV-1a, not {@link String#hashCode()}'s 32 bits).
 */
record SqlStatementShape(String module, String digest, String sqlPrefix, String statementType) {

    static final int PREFIX_LENGTH = 1000;

    static SqlStatementShape of(String sql) {
        return new SqlStatementShape(module(sql), digest(sql),
                sql.length() <= PREFIX_LENGTH ? sql : sql.substring(0, PREFIX_LENGTH), statementType(sql));
    }

    /** The module whose schema ({@code "catalog".}) appears first in the SQL. */
    static String module(String sql) {
        String first = ShopModules.OTHER;
        int firstAt = Integer.MAX_VALUE;
        for (String module : ShopModules.NAMES) {
            int at = sql.indexOf('"' + module + "\".");
            if (at >= 0 && at < firstAt) {
                first = module;
                firstAt = at;
            }
        }
        return first;
    }

    static String digest(String sql) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < sql.length(); i++) {
            hash ^= sql.charAt(i);
            hash *= 0x100000001b3L;
        }
        return HexFormat.of().toHexDigits(hash);
    }

    static String statementType(String sql) {
        String trimmed = sql.stripLeading();
        int end = 0;
        while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
            end++;
        }
        return switch (trimmed.substring(0, end).toLowerCase(Locale.ROOT)) {
            case "select" -> "select";
            case "insert" -> "insert";
            case "update" -> "update";
            case "delete" -> "delete";
            default -> "other";
        };
    }
}
