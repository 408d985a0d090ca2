package com.civilsafety.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The statistics API: figures in the caller's scope, grouped as asked, bad input named; the definitions are tested in ledger/. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatisticsApiTest {
    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void aTownshipSeesItsOwnFiguresByInstitutionType() {
        Api.Reply reply = api.get("town1", "/api/statistics?groupBy=INSTITUTION_TYPE&from=" + LocalDate.now().minusYears(1) + "&to=" + LocalDate.now());
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode total = reply.body().path("total");
        assertThat(total.has("hazardsFound")).isTrue();
        assertThat(total.has("rectificationRate")).isTrue();
        long sum = 0;
        for (JsonNode row : reply.body().path("rows")) {
            assertThat(row.path("label").asText()).isNotBlank();
            sum += row.path("figures").path("hazardsFound").asLong();
        }
        assertThat(sum).isEqualTo(total.path("hazardsFound").asLong());
        Api.Reply county = api.get("fuli", "/api/statistics?from=" + LocalDate.now().minusYears(1));
        assertThat(county.body().path("total").path("hazardsFound").asLong()).isGreaterThanOrEqualTo(total.path("hazardsFound").asLong());

        Api.Reply monthly = api.get("fuli", "/api/statistics/monthly?from=2026-01-01&to=2026-12-31");
        assertThat(monthly.status()).isEqualTo(200);
        assertThat(monthly.body().path("months")).hasSize(12);
    }

    @Test
    void badInputIsNamedAndInstitutionsSeeNoRegionalFigures() {
        assertField(api.get("fuli", "/api/statistics?groupBy=TOWN"), "groupBy");
        assertField(api.get("fuli", "/api/statistics?from=2026-13-01"), "from");
        assertField(api.get("fuli", "/api/statistics?from=2026-05-01&to=2026-04-01"), "to");
        assertField(api.get("town1", "/api/statistics?regionId=1"), "regionId");
        assertThat(api.get("inst001", "/api/statistics").status()).isEqualTo(403);
    }

    private static void assertField(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.fieldErrors().toString()).contains("\"" + field + "\"");
    }
}
