package com.civilsafety.app.engine;

import static com.civilsafety.app.testsupport.HazardSteps.complete;
import static com.civilsafety.app.testsupport.HazardSteps.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.civilsafety.CivilSafetyApplication;
import com.civilsafety.app.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.ValueType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code civil-safety.engine.mode=remote}: the platform starts no engine of its own and talks to one elsewhere over
 * gRPC, as to a Camunda 8 cluster. Here the "cluster" is a Zeebe engine started by the test on a port of its own; a
 * hazard runs its whole loop through it (report, assignment, rectification, verification, 销号), with the platform's
 * workers serving its jobs.
 */
class RemoteEngineModeTest {

    @Test
    void aHazardRunsItsWholeLoopOnAnEngineOnAnotherPort() {
        ZeebeTestEngine cluster = EngineFactory.create();
        cluster.start();
        String gateway = cluster.getGatewayAddress().replace("0.0.0.0", "127.0.0.1");
        try (ConfigurableApplicationContext platform = new SpringApplicationBuilder(CivilSafetyApplication.class).run(
                "--civil-safety.engine.mode=remote",
                "--camunda.client.mode=self-managed",
                "--camunda.client.grpc-address=http://" + gateway,
                "--camunda.client.rest-address=http://127.0.0.1:9", // the stand-in has no REST API: gRPC only
                "--camunda.client.prefer-rest-over-grpc=false",
                "--camunda.client.auth.method=none",
                "--civil-safety.engine.epoch=remote-mode-test",
                "--civil-safety.clock.start=", // a cluster keeps its own time: the calendar sweep's start is not for it
                "--server.port=0",
                "--civil-safety.demo-data.enabled=true",
                "--civil-safety.operate.url=https://camunda.example.gov.cn/operate/",
                "--spring.datasource.url=jdbc:h2:mem:remote-engine-mode;DB_CLOSE_DELAY=-1")) {
            assertThat(platform.containsBean("embeddedEngine")).as("no engine of its own").isFalse();
            Api api = new Api(new TestRestTemplate(new RestTemplateBuilder()
                    .rootUri("http://localhost:" + platform.getEnvironment().getProperty("local.server.port"))));
            LocalDate today = api.today();
            long institution = api.get("inst001", "/api/institutions").body().path("items").get(0).path("id").asLong();

            long hazard = report(api, institution);
            complete(api, "town1", hazard, "ASSIGNMENT", """
                    {"responsibleUnit": "安澜县社会福利中心", "responsiblePerson": "李建国", "measures": "清理通道",
                     "funds": 500, "deadline": "%s", "temporaryControls": "专人值守通道"}""".formatted(today.plusDays(5)));
            complete(api, "inst001", hazard, "RECTIFICATION", """
                    {"measures": "清理杂物", "responsiblePerson": "王建国", "funds": 300, "completedOn": "%s",
                     "evidence": "整改后照片"}""".formatted(today));
            complete(api, "inspector1", hazard, "VERIFICATION", "{\"passed\": true, \"opinion\": \"已整改到位\"}");
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    api.get("inspector1", "/api/hazards/" + hazard).body().path("status").asText().equals("CLOSED"));

            long jobsDoneByTheOtherEngine = StreamSupport.stream(cluster.getRecordStreamSource().getRecords().spliterator(), false)
                    .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent().name().equals("COMPLETED")).count();
            assertThat(jobsDoneByTheOtherEngine).as("the loop's steps were jobs of the engine on the other port").isGreaterThanOrEqualTo(7);

            // the platform's views point into Operate, where a cluster's instances are watched (Operate 8.8's routes)
            String operate = "https://camunda.example.gov.cn/operate";
            JsonNode monitor = api.get("fuli", "/api/process-models/hazard-rectification/monitor").body();
            assertThat(monitor.path("operateUrl").asText())
                    .isEqualTo(operate + "/processes?process=HazardRectification&active=true&incidents=true");
            String element = monitor.path("elements").get(0).path("elementId").asText();
            assertThat(monitor.path("operateElements").path(element).asText()).as("each element's waiting instances")
                    .isEqualTo(operate + "/processes?process=HazardRectification&flowNodeId=" + element + "&active=true&incidents=true");
            JsonNode timers = api.get("admin", "/api/process-models/hazard-rectification/timers").body();
            assertThat(timers.path("engineView").asBoolean()).isFalse();
            assertThat(timers.path("operateUrl").asText()).startsWith(operate + "/processes?process=HazardRectification");
            Api.Reply instance = api.get("admin", "/api/process-instances/2251799813685249");
            assertThat(instance.status()).as("no engine view of an instance on a cluster").isEqualTo(409);
            assertThat(instance.detail()).contains(operate + "/processes/2251799813685249");
            Api.Reply list = api.get("fuli", "/api/process-instances?status=running");
            assertThat(list.status()).as("the instance list: in Operate on a cluster").isEqualTo(409);
            assertThat(list.detail()).contains(operate);
        } finally {
            cluster.stop();
        }
    }
}
