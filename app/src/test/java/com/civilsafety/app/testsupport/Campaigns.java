package com.civilsafety.app.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A 消防安全专项排查整治 over the demo county, deployed by the bureau section (fuli), for tests that need one running. */
public final class Campaigns {
    public record Phase(String kind, LocalDate startsOn, LocalDate endsOn) {
    }

    private Campaigns() {
    }

    /** Deploys the campaign over the county for the given institution types (JSON strings) and phases; its id. */
    public static long deploy(Api api, String institutionTypes, Phase... phases) {
        long county = api.get("fuli", "/api/regions").body().get(0).path("id").asLong();
        String schedule = Arrays.stream(phases).map(p -> """
                {"kind": "%s", "startsOn": "%s", "endsOn": "%s"}""".formatted(p.kind(), p.startsOn(), p.endsOn()))
                .collect(Collectors.joining(", "));
        Api.Reply created = api.post("fuli", "/api/campaigns", """
                {"name": "消防安全专项排查整治", "leadOrganisation": "安澜县民政局", "regionIds": [%d],
                 "institutionTypes": [%s], "phases": [%s]}""".formatted(county, institutionTypes, schedule));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asLong();
    }
}
