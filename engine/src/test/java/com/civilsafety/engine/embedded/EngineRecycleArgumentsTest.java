package com.civilsafety.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the platform is started with again when it recycles its engine (the recycle itself: the app's ProcessRebuildTest). */
class EngineRecycleArgumentsTest {
    private static final Instant NOW = Instant.parse("2027-03-01T19:30:00Z");

    @Test
    void onTheSystemClockTheArgumentsStayAsTheyWere() {
        String[] arguments = {"--server.port=8090", "--spring.profiles.active=mysql"};
        assertThat(EngineRecycle.argumentsAgain(arguments, Duration.ZERO, NOW)).containsExactly(arguments);
    }

    @Test
    void aClockStartedElsewhereRunsOnFromWhereItIsNotFromItsStart() {
        String[] arguments = {"--civil-safety.clock.start=2028-02-28T23:30+08:00", "--server.port=8090"};
        Duration offset = Duration.ofDays(400).plusMinutes(7);
        assertThat(EngineRecycle.argumentsAgain(arguments, offset, NOW))
                .containsExactly("--server.port=8090", "--civil-safety.clock.start=" + NOW.plus(offset));
    }

    @Test
    void aClockSetOtherwiseThanByAnArgumentIsCarriedOnByOne() {
        // set in a file or the environment: an argument overrides it for the new start
        assertThat(EngineRecycle.argumentsAgain(new String[0], Duration.ofHours(-5), NOW))
                .containsExactly("--civil-safety.clock.start=2027-03-01T14:30:00Z");
    }
}
