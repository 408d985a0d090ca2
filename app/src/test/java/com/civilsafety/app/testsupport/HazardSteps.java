package com.civilsafety.app.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.StreamSupport;

/** The steps of a hazard's loop through the API, as the people in it take them, for tests that need hazards waiting. */
public final class HazardSteps {
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private HazardSteps() {
    }

    /** inspector1 reports a fire-safety hazard at the institution today; its id. */
    public static long report(Api api, long institution) {
        Api.Reply reported = api.post("inspector1", "/api/hazards", """
                {"institutionId": %d, "description": "二楼消防通道堆放杂物", "location": "二楼走廊",
                 "criterionCode": "GEN-FIRE", "residentsExposed": true, "source": "DEPARTMENT_CHECK", "foundOn": "%s"}"""
                .formatted(institution, api.today()));
        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        return reported.body().path("id").asLong();
    }

    /** The user completes the hazard's open task of that kind, once the process has opened it. */
    public static void complete(Api api, String user, long hazard, String kind, String body) {
        Api.Reply done = api.post(user, "/api/tasks/" + taskOf(api, user, hazard, kind) + "/complete", body);
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
    }

    /** The hazard's open task of that kind in the user's inbox, waited for. */
    public static long taskOf(Api api, String user, long hazard, String kind) {
        return await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).until(() ->
                StreamSupport.stream(api.get(user, "/api/tasks").body().spliterator(), false)
                        .filter(t -> t.path("subjectId").asLong() == hazard && t.path("kind").asText().equals(kind))
                        .map(t -> t.path("id").asLong()).findFirst().orElse(null), id -> id != null);
    }
}
