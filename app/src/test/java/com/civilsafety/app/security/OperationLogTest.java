package com.civilsafety.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.app.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/** 操作日志: changes, exports and administration by signed-in people are logged; reads and the public form are not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationLogTest {
    @Autowired
    TestRestTemplate rest;

    @Test
    void changesExportsAndAdministrationAreLoggedWithWhoAndOutcome() {
        Api api = new Api(rest);
        long institution = api.get("inst001", "/api/institutions").body().path("items").get(0).path("id").asLong();
        String marker = "操作日志样例" + System.nanoTime();
        assertThat(api.post("fuli", "/api/help-visits", """
                {"institutionId": %d, "visitedOn": "%s", "visitors": "%s", "content": "指导"}""".formatted(institution,
                api.today(), marker)).status()).isEqualTo(201);
        assertThat(api.post("fuli", "/api/help-visits", "{}").status()).isEqualTo(400);
        assertThat(api.download("fuli", "/api/reports/hazard-list.csv?grade=MAJOR").getStatusCode().value()).isEqualTo(200);
        assertThat(api.get("fuli", "/api/tasks").status()).isEqualTo(200);
        assertThat(api.any("fuli", HttpMethod.HEAD, "/api/tasks", null).status()).isEqualTo(200); // a read, like GET
        assertThat(api.bearer(null, HttpMethod.POST, "/api/public/whistleblower-reports", """
                {"institutionId": %d, "description": "%s", "reporterKind": "PUBLIC"}""".formatted(institution, marker)).status())
                .isEqualTo(201);

        List<JsonNode> log = StreamSupport.stream(api.get("admin", "/api/admin/operation-log?size=50").body().path("items").spliterator(), false).toList();
        assertThat(log).anySatisfy(o -> {
            assertThat(o.path("username").asText()).isEqualTo("fuli");
            assertThat(o.path("method").asText()).isEqualTo("POST");
            assertThat(o.path("path").asText()).isEqualTo("/api/help-visits");
            assertThat(o.path("status").asInt()).isEqualTo(201);
            assertThat(o.path("client").asText()).isNotBlank();
        });
        assertThat(log).anySatisfy(o -> assertThat(o.path("status").asInt()).isEqualTo(400));
        assertThat(log).anySatisfy(o -> {
            assertThat(o.path("path").asText()).isEqualTo("/api/reports/hazard-list.csv");
            assertThat(o.path("query").asText()).isEqualTo("grade=MAJOR");
        });
        assertThat(log).noneMatch(o -> o.path("path").asText().startsWith("/api/public/"));
        assertThat(log).noneMatch(o -> o.path("path").asText().equals("/api/tasks"));
        assertThat(api.get("fuli", "/api/admin/operation-log").status()).isEqualTo(403);
        // the changes alone: the reads and exports (the log's own reading among them) do not push them out of sight
        JsonNode changes = api.get("admin", "/api/admin/operation-log?changes=true&size=200").body();
        assertThat(changes.path("items").findValuesAsText("method")).isNotEmpty().doesNotContain("GET", "HEAD").contains("POST");
        assertThat(changes.path("total").asLong()).isLessThan(api.get("admin", "/api/admin/operation-log?size=1").body().path("total").asLong());
        assertThat(api.get("admin", "/api/admin/operation-log?size=100000").status()).as("a page of at most 200").isEqualTo(400);
        assertThat(api.get("admin", "/api/admin/operation-log?page=-1").status()).isEqualTo(400);
    }
}
