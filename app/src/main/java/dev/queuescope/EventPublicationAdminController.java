package dev.queuescope;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole application's event publication registry (the outbox), for operators: which
 * publications are still owed, and resubmitting the failed ones now rather than at the next
 * scheduled run. It belongs to the runtime, not to a module: every module's listeners are in it.
 */
@RestController
@RequestMapping("/api/v1/admin/events")
class EventPublicationAdminController {

    /** One incomplete publication; {@code status} is the registry's (PUBLISHED, PROCESSING, FAILED, RESUBMITTED). */
    record IncompletePublication(UUID id, String eventType, String listenerId, OffsetDateTime publicationDate,
            @Nullable String status, int completionAttempts, @Nullable OffsetDateTime lastResubmissionDate) {
    }

    record Resubmitted(int resubmitted) {
    }

    // Straight from the table the __root migration owns: no event is deserialised to list it, and the
    // list is bounded however large the backlog is.
    private static final String INCOMPLETE = """
            select id, event_type, listener_id, publication_date, status, completion_attempts, last_resubmission_date
            from event_publication
            where completion_date is null
            order by publication_date
            limit ?""";

    private final JdbcTemplate jdbc;
    private final OutboxResubmission resubmission;

    EventPublicationAdminController(JdbcTemplate jdbc, OutboxResubmission resubmission) {
        this.jdbc = jdbc;
        this.resubmission = resubmission;
    }

    /** The oldest incomplete publications first, at most {@code limit}. */
    @GetMapping
    Map<String, List<IncompletePublication>> incomplete(
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        List<IncompletePublication> items = jdbc.query(INCOMPLETE, (rs, row) -> new IncompletePublication(
                rs.getObject("id", UUID.class), rs.getString("event_type"), rs.getString("listener_id"),
                rs.getObject("publication_date", OffsetDateTime.class), rs.getString("status"),
                rs.getInt("completion_attempts"), rs.getObject("last_resubmission_date", OffsetDateTime.class)),
                limit);
        return Map.of("items", items);
    }

    /** Resubmits every failed publication now (up to the batch size), whatever its age; answers how many. */
    @PostMapping("/resubmit")
    Resubmitted resubmit() {
        return new Resubmitted(resubmission.resubmitFailedOlderThan(Duration.ZERO));
    }
}
