package dev.queuescope.perf.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.queuescope.perf.analysis.Capture.ThreadWait.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each route's own tail: two routes with queues of their own are both named, whichever owns the run's p99. */
class RouteTailsTests {

    /**
     * Orders (slow: 80 ms of them waiting for a connection) and products (10 ms of them blocked on a monitor),
     * 100 of each: the run's p99 cohort is all orders, yet products have a queue of their own.
     */
    private static List<RouteTail> twoRoutes() {
        CaptureBuilder capture = new CaptureBuilder();
        for (int i = 0; i < 100; i++) {
            double at = i * 100.0;
            capture.requestOn("/api/v1/orders", "o" + i, 1000 + i, at, 100, 5).acquire("o" + i, 80);
            capture.requestOn("/api/v1/products", "p" + i, 2000 + i, at + 50, 12, 1)
                    .threadWait(2000 + i, at + 51, 10, Kind.MONITOR, "app.Catalog", false);
        }
        return capture.ledger().routeTails();
    }

    @Test
    void eachRouteIsNamedByTheQueueOfItsOwnSlowestRequests() {
        List<RouteTail> routes = twoRoutes();

        assertThat(routes).extracting(RouteTail::route, RouteTail::queue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/api/v1/orders", "db-pool"),
                org.assertj.core.groups.Tuple.tuple("/api/v1/products", "jvm-locks"));
    }

    @Test
    void aRoutesShareAndP99AreItsOwn() {
        RouteTail products = twoRoutes().get(1);

        assertThat(products.requests()).isEqualTo(100);
        assertThat(products.p99Ms()).isEqualTo(12.0);
        assertThat(products.shareOfP99()).isBetween(0.8, 0.85);
    }

    @Test
    void aRouteWhoseTailNoQueueHoldsIsNamedNone() {
        List<RouteTail> routes = new CaptureBuilder().requestOn("/idle", "a", 1, 0, 0, 0).ledger().routeTails();

        assertThat(routes.getFirst().queue()).isEqualTo("none");
        assertThat(routes.getFirst().sharesOfP99()).isEmpty();
    }
}
