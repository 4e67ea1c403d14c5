package dev.queuescope.perf.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTests {

    @Test
    void placeholdersAreFilledAndTheRestIsKept() {
        Template template = Template.parse("/api/v1/products/{productId}?q={word}");

        assertThat(template.fill(Map.of("productId", "7", "word", "oak")::get)).isEqualTo("/api/v1/products/7?q=oak");
    }

    @Test
    void jsonBracesAreLiteralText() {
        Template template = Template.parse("{\"items\":[{\"productId\":{productId},\"quantity\":1}]}");

        assertThat(template.variables()).containsExactly("productId");
        assertThat(template.fill(name -> "42")).isEqualTo("{\"items\":[{\"productId\":42,\"quantity\":1}]}");
    }

    @Test
    void aTextWithoutPlaceholdersIsItself() {
        assertThat(Template.parse("/api/v1/categories").fill(name -> "x")).isEqualTo("/api/v1/categories");
    }
}
