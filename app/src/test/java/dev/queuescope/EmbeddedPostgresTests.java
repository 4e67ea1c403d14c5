package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** The shop's own embedded PostgreSQL: durable, persistent, and able to start after a hard kill. */
class EmbeddedPostgresTests {

    @EnableConfigurationProperties(EmbeddedPostgresProperties.class)
    static class Properties {
    }

    @TempDir
    Path data;

    private ApplicationContextRunner shop() {
        return new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, EmbeddedPostgresConfiguration.class)
                .withPropertyValues("queuescope.db.embedded.data=" + data, "queuescope.db.embedded.port=0");
    }

    @Test
    void runsDurablyWithPgStatStatementsPreloadedAndDataUnderTheDataRoot() {
        shop().run(context -> {
            JdbcTemplate sql = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(sql.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(sql.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(sql.queryForObject("show shared_preload_libraries", String.class))
                    .contains("pg_stat_statements");
            assertThat(sql.queryForObject("show data_directory", String.class))
                    .isEqualTo(data.resolve("pg").toRealPath().toString());
        });
    }

    @Test
    void committedRowsSurviveARestart() {
        shop().run(context -> new JdbcTemplate(context.getBean(DataSource.class))
                .execute("create table kept (v text); insert into kept values ('still here')"));

        shop().run(context -> assertThat(new JdbcTemplate(context.getBean(DataSource.class))
                .queryForObject("select v from kept", String.class)).isEqualTo("still here"));
    }

    @Test
    void startsWhenAJvmKilledHardLeftItsPostgresRunning() throws Exception {
        shop().run(context -> new JdbcTemplate(context.getBean(DataSource.class))
                .execute("create table kept (v text); insert into kept values ('after a crash')"));
        long orphanPostmaster = startPostgresInAJvmAndKillIt();
        assertThat(ProcessHandle.of(orphanPostmaster).map(ProcessHandle::isAlive)).contains(true);

        shop().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(ProcessHandle.of(orphanPostmaster).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            assertThat(new JdbcTemplate(context.getBean(DataSource.class))
                    .queryForObject("select v from kept", String.class)).isEqualTo("after a crash");
        });
    }

    /** The postmaster pid a child JVM left behind when it was killed with -9. */
    private long startPostgresInAJvmAndKillIt() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                OrphanPostgres.class.getName(), data.resolve("pg").toString())
                .redirectErrorStream(true).start();
        try (var output = new BufferedReader(new InputStreamReader(jvm.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("started")) {
                // skip PostgreSQL's start-up chatter
            }
            assertThat(line).as("child JVM output").isEqualTo("started");
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("pg/postmaster.pid")).getFirst().strip());
            jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return postmaster;
        }
    }
}
