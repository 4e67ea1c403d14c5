package dev.queuescope.customers;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request the customers module refuses, as RFC 9457 problem+json; {@code errors} names the fields. */
public class CustomerProblem extends ErrorResponseException {

    private CustomerProblem(HttpStatus status, String type, String detail, List<Map<String, String>> errors) {
        super(status, problem(status, type, detail, errors), null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail,
            List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:queuescope:problem:" + type));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public static CustomerProblem emailTaken() {
        return new CustomerProblem(HttpStatus.CONFLICT, "email-taken", "An account with this email exists",
                List.of(Map.of("field", "email", "message", "already registered")));
    }

    /** BCrypt reads 72 bytes at most: a longer password (in UTF-8) would be cut silently. */
    public static CustomerProblem passwordTooLong() {
        return new CustomerProblem(HttpStatus.UNPROCESSABLE_CONTENT, "password-too-long",
                "The password is longer than 72 bytes in UTF-8",
                List.of(Map.of("field", "password", "message", "at most 72 bytes in UTF-8")));
    }

    /** The same answer for an unknown email and a wrong password: a login never says which. */
    public static CustomerProblem badCredentials() {
        return new CustomerProblem(HttpStatus.UNAUTHORIZED, "bad-credentials", "Email or password is wrong",
                List.of());
    }
}
