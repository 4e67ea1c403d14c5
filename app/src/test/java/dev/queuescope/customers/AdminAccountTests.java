package dev.queuescope.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With no admin password configured, the first start generates one into a file only its owner can
 * read, and the log says where that file is — never the password.
 */
@ApplicationModuleTest
@ContextConfiguration(initializers = AdminAccountTests.CaptureTheAccountsLog.class)
class AdminAccountTests {

    static final class Capture extends AbstractAppender {

        final List<String> messages = new CopyOnWriteArrayList<>();

        Capture() {
            super("admin-account-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            messages.add(event.getMessage().getFormattedMessage());
        }
    }

    static final String LOGGER = "dev.queuescope.customers.internal.AdminAccount";
    static final Capture log = new Capture();
    static Path passwordFile;

    @DynamicPropertySource
    static void noConfiguredPassword(DynamicPropertyRegistry properties) throws IOException {
        passwordFile = Files.createTempDirectory("admin-account").resolve("admin-password");
        properties.add("queuescope.auth.admin-password", () -> "");
        properties.add("queuescope.auth.admin-password-file", passwordFile::toString);
    }

    /**
     * Installed after Boot has (re)configured Log4j2 for this context and before the context runs
     * its start-up code, where the admin account is made.
     */
    static final class CaptureTheAccountsLog implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext applicationContext) {
            LoggerContext context = (LoggerContext) LogManager.getContext(false);
            log.start();
            LoggerConfig config = new LoggerConfig(LOGGER, Level.INFO, true);
            config.addAppender(log, Level.INFO, null);
            context.getConfiguration().addLogger(LOGGER, config);
            context.updateLoggers();
        }
    }

    @AfterAll
    static void stopCapturing() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().removeLogger(LOGGER);
        context.updateLoggers();
        log.stop();
    }

    @Autowired
    CustomerAccounts accounts;

    @Test
    void theGeneratedPasswordIsInAFileOnlyItsOwnerCanRead() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        String password = Files.readString(passwordFile).strip();

        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(accounts.login("admin@localhost", password).token()).isNotBlank();
    }

    @Test
    void theLogSaysWhereThePasswordIsButNotThePassword() throws IOException {
        String password = Files.readString(passwordFile).strip();

        assertThat(log.messages).anyMatch(message -> message.contains(passwordFile.toString()));
        assertThat(log.messages).noneMatch(message -> message.contains(password));
    }
}
