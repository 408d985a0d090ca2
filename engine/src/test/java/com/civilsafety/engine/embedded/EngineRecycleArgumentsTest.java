package com.civilsafety.engine.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the platform is started with again when it recycles its engine (the recycle itself: the app's ProcessRebuildTest). */
class EngineRecycleArgumentsTest {

    @Test
    void onTheSystemClockTheArgumentsStayAsTheyWere() {
        String[] arguments = {"--server.port=8090", "--spring.profiles.active=mysql"};
        assertThat(EngineRecycle.argumentsAgain(arguments, Duration.ZERO)).containsExactly(arguments);
    }

    @Test
    void aClockStartedElsewhereKeepsItsOffsetExactlyNotItsStart() {
        // a new start would be turned into an offset only after the close and the start had taken their time
        String[] arguments = {"--civil-safety.clock.start=2028-02-28T23:30+08:00", "--server.port=8090"};
        Duration offset = Duration.ofDays(400).plusMinutes(7).plusMillis(12);
        assertThat(EngineRecycle.argumentsAgain(arguments, offset)).containsExactly("--server.port=8090",
                "--civil-safety.clock.start=", "--civil-safety.clock.offset=" + offset);
    }

    @Test
    void aClockSetOtherwiseThanByAnArgumentIsOverriddenByOne() {
        // set in a file or the environment: the empty start keeps it from being turned into an offset again
        assertThat(EngineRecycle.argumentsAgain(new String[]{"--civil-safety.clock.offset=PT1H"}, Duration.ofHours(-5)))
                .containsExactly("--civil-safety.clock.start=", "--civil-safety.clock.offset=PT-5H");
    }
}
