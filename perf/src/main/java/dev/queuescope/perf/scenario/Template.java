package dev.queuescope.perf.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A string with {@code {name}} placeholders, split once into literal and variable parts so that
 * filling it per request is one pass over a few parts. Scenario bodies are JSON, so only braces
 * around a plain word are a placeholder; any other brace is literal text.
 *
 * @param literals one more than {@code variables}: text before each variable, and after the last
 */
record Template(List<String> literals, List<String> variables) {

    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    static Template parse(String text) {
        List<String> literals = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            if (close > i && PLACEHOLDER.matcher(text.substring(i + 1, close)).matches()) {
                literals.add(literal.toString());
                literal.setLength(0);
                variables.add(text.substring(i + 1, close));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        literals.add(literal.toString());
        return new Template(List.copyOf(literals), List.copyOf(variables));
    }

    String fill(Function<String, String> values) {
        if (variables.isEmpty()) {
            return literals.getFirst();
        }
        StringBuilder out = new StringBuilder(64);
        for (int i = 0; i < variables.size(); i++) {
            out.append(literals.get(i)).append(values.apply(variables.get(i)));
        }
        return out.append(literals.getLast()).toString();
    }
}
