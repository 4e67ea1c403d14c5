package dev.queuescope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** A lab that is on is announced; one that is off or absent is not. */
class LabSwitchesTests {

    @Test
    void onlyTheLabsSwitchedOnAreListed() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("queuescope.lab.n-plus-one", "true")
                .withProperty("queuescope.lab.cpu-burn", "false");

        assertThat(new LabSwitches(environment).on()).containsExactly("n-plus-one");
    }

    @Test
    void noLabsByDefault() {
        assertThat(new LabSwitches(new MockEnvironment()).on()).isEmpty();
    }
}
