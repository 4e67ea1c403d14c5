package dev.queuescope.imports.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An import refused as a whole, as RFC 9457 problem+json; {@code errors} name the lines. */
final class ImportProblem extends ErrorResponseException {

    private ImportProblem(HttpStatus status, String type, String detail, String importId,
            List<Map<String, Object>> errors) {
        super(status, problem(status, type, detail, importId, errors), null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail, String importId,
            List<Map<String, Object>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:queuescope:problem:" + type));
        problem.setProperty("importId", importId);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    static ImportProblem invalidLines(String importId, long invalid, List<Map<String, Object>> errors) {
        return new ImportProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-import",
                invalid + " line(s) break the import's rules; nothing was imported", importId, errors);
    }

    static ImportProblem unreadable(String importId, String reason) {
        return new ImportProblem(HttpStatus.BAD_REQUEST, "unreadable-import",
                "The upload cannot be parsed (" + reason + "); nothing was imported", importId, List.of());
    }

    static ImportProblem notFound(String importId) {
        return new ImportProblem(HttpStatus.NOT_FOUND, "import-not-found", "No import with id " + importId,
                importId, List.of());
    }
}
