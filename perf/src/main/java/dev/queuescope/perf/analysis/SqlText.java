package dev.queuescope.perf.analysis;

import java.util.regex.Pattern;

/**
 * SQL as evidence shows it: the select list collapsed ({@code select … from}) so the part that
 * explains a plan — the tables, the where clause — fits in a line, then cut to {@value #SHOWN} characters.
 * Matching statements to PostgreSQL's samples uses the full text, never this.
 */
final class SqlText {

    static final int SHOWN = 300;

    private static final Pattern SELECT_LIST = Pattern.compile("(?is)^(\\s*select\\s+(?:distinct\\s+)?)(.+?)(\\s+from\\s)");

    private SqlText() {
    }

    static String shown(String sql) {
        String collapsed = SELECT_LIST.matcher(sql).replaceFirst("$1…$3").replaceAll("\\s+", " ").strip();
        return collapsed.length() <= SHOWN ? collapsed : collapsed.substring(0, SHOWN) + "…";
    }
}
