package dev.queuescope.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What the kit writes and reads matches the JSON Schemas it publishes. */
class PublishedSchemasTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void aSummaryAsWrittenMatchesItsSchema() throws Exception {
        assertThat(validate(summarySchema(), json.valueToTree(SampleSummary.missedObjective()))).isEmpty();
    }

    @Test
    void anOverloadRunsSummaryMatchesItsSchema() throws Exception {
        assertThat(validate(summarySchema(), json.valueToTree(SampleSummary.overloaded()))).isEmpty();
    }

    @Test
    void aPlainRunsSummaryHasNoOverloadSection() {
        assertThat(json.valueToTree(SampleSummary.missedObjective()).has("overload")).isFalse();
    }

    @Test
    void aProviderOutageRunsSummaryMatchesItsSchemaAndHasNoOverloadSection() throws Exception {
        JsonNode summary = json.valueToTree(SampleSummary.providerOutage());

        assertThat(validate(summarySchema(), summary)).isEmpty();
        assertThat(summary.has("overload")).isFalse();
        assertThat(json.valueToTree(SampleSummary.overloaded()).has("outage")).isFalse();
    }

    @Test
    void anOutageSectionWithoutItsGoalsDoesNotMatch() throws Exception {
        ObjectNode summary = json.valueToTree(SampleSummary.providerOutage());
        ((ObjectNode) summary.get("outage").get("goals")).remove("allPaid");

        assertThat(validate(summarySchema(), summary)).isNotEmpty();
    }

    @Test
    void anOverloadSectionWithoutItsGoodputRatioDoesNotMatch() throws Exception {
        ObjectNode summary = json.valueToTree(SampleSummary.overloaded());
        ((ObjectNode) summary.get("overload")).remove("goodputRatio");

        assertThat(validate(summarySchema(), summary)).isNotEmpty();
    }

    @Test
    void aSummaryWithoutItsGeneratorSectionDoesNot() throws Exception {
        ObjectNode summary = json.valueToTree(SampleSummary.missedObjective());
        summary.remove("generator");

        assertThat(validate(summarySchema(), summary)).isNotEmpty();
    }

    @Test
    void theShippedScenariosMatchTheScenarioSchema() throws Exception {
        Schema schema = registry.getSchema(Files.newInputStream(Path.of("scenarios/scenario.schema.json")));

        assertThat(validate(schema, json.readTree(Path.of("scenarios/mixed.json").toFile()))).isEmpty();
        assertThat(validate(schema, json.readTree(Path.of("scenarios/overload.json").toFile()))).isEmpty();
        assertThat(validate(schema, json.readTree(Path.of("scenarios/provider-outage.json").toFile()))).isEmpty();
    }

    @Test
    void anOutageOfNoSecondsDoesNotMatch() throws Exception {
        Schema schema = registry.getSchema(Files.newInputStream(Path.of("scenarios/scenario.schema.json")));
        ObjectNode scenario = (ObjectNode) json.readTree(Path.of("scenarios/provider-outage.json").toFile());
        ((ObjectNode) scenario.withArray("phases").get(1)).put("providerOutageSeconds", 0);

        assertThat(validate(schema, scenario)).isNotEmpty();
    }

    @Test
    void aPhaseWithBothARateAndARateOfTheKneeDoesNotMatch() throws Exception {
        Schema schema = registry.getSchema(Files.newInputStream(Path.of("scenarios/scenario.schema.json")));
        ObjectNode scenario = (ObjectNode) json.readTree(Path.of("scenarios/overload.json").toFile());
        ((ObjectNode) scenario.withArray("phases").get(0)).put("rate", 50);

        assertThat(validate(schema, scenario)).isNotEmpty();
    }

    @Test
    void aScenarioWithAnUnknownMethodDoesNot() throws Exception {
        Schema schema = registry.getSchema(Files.newInputStream(Path.of("scenarios/scenario.schema.json")));
        ObjectNode scenario = (ObjectNode) json.readTree(Path.of("scenarios/mixed.json").toFile());
        ((ObjectNode) scenario.withArray("requests").get(0)).put("method", "FETCH");

        assertThat(validate(schema, scenario)).isNotEmpty();
    }

    private Schema summarySchema() throws Exception {
        try (InputStream schema = getClass().getResourceAsStream("/summary.schema.json")) {
            return registry.getSchema(schema);
        }
    }

    private static List<Error> validate(Schema schema, JsonNode document) {
        return schema.validate(document);
    }
}
