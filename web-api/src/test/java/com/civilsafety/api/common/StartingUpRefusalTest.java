package com.civilsafety.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Changes wait while the platform starts (its instances rebuilt from the ledger) or stops (the daily recycle). */
class StartingUpRefusalTest {
    private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    private final StartingUpRefusal filter = new StartingUpRefusal(
            new StaticListableBeanFactory(java.util.Map.of("availability", availability)).getBeanProvider(ApplicationAvailability.class),
            new ProblemResponses(new ObjectMapper()));

    @Test
    void whileNotReadyAChangeIsRefusedWithAMessageAndAReadGoesThrough() throws Exception {
        MockHttpServletResponse change = send("POST", "/api/hazards");
        assertThat(change.getStatus()).isEqualTo(503);
        assertThat(change.getHeader("Retry-After")).isEqualTo("30");
        assertThat(change.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("系统正在启动或例行维护重启");
        assertThat(send("GET", "/api/hazards").getStatus()).isEqualTo(200);
        assertThat(send("POST", "/login").getStatus()).as("not the API").isEqualTo(200);
    }

    @Test
    void onceReadyChangesGoThrough() throws Exception {
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        assertThat(send("POST", "/api/hazards").getStatus()).isEqualTo(200);
        availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
        assertThat(send("PUT", "/api/hazards/1").getStatus()).as("stopping").isEqualTo(503);
    }

    private MockHttpServletResponse send(String method, String uri) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
