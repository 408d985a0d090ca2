package com.civilsafety.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.doThrow;

import com.civilsafety.engine.command.EngineUnavailableException;
import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.hazard.Hazard;
import com.civilsafety.ledger.hazard.Grading;
import com.civilsafety.ledger.hazard.HazardGrade;
import com.civilsafety.ledger.hazard.HazardReport;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.hazard.HazardSource;
import com.civilsafety.ledger.hazard.RectificationLoop;
import com.civilsafety.ledger.hazard.SupervisionLevel;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.job.ProcessStep;
import com.civilsafety.ledger.testsupport.DemoActors;
import io.camunda.client.api.command.ClientException;
import com.civilsafety.ledger.common.LedgerTime;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** When the engine refuses a command, the request fails with 503 and the ledger is as it was before it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineRefusalTest {
    @MockitoBean
    ProcessCommands processes;
    @Autowired
    Clock clock;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HazardService hazards;
    @Autowired
    RectificationLoop loop;
    @Autowired
    DemoActors actors;

    @Test
    void aReportTheEngineRefusesLeavesNoHazard() {
        doThrow(new EngineUnavailableException(new ClientException("UNAVAILABLE: io exception"))).when(processes).startHazardRectification(anyLong(), anyMap());
        long hazards = count("hazard");
        long withdrawals = jdbc.queryForObject("select count(*) from ledger_event where type = 'HAZARD_WITHDRAWN'", Long.class);
        long institutionId = actors.get("inst001").institutionId();

        ResponseEntity<String> reply = post("inspector1", "/api/hazards", """
                {"institutionId": %d, "description": "配电箱无防护", "criterionCode": "GEN-ELECTRICAL",
                 "source": "SELF_CHECK", "foundOn": "%s"}""".formatted(institutionId, today()));

        assertThat(reply.getStatusCode().value()).isEqualTo(503);
        assertThat(reply.getBody()).contains("流程引擎暂不可用");
        assertThat(count("hazard")).isEqualTo(hazards);
        assertThat(jdbc.queryForObject("select count(*) from ledger_event where type = 'HAZARD_WITHDRAWN'", Long.class))
                .isEqualTo(withdrawals + 1);
    }

    @Test
    void aSubmissionTheEngineRefusesLeavesTheTaskOpen() {
        Actor inspector = actors.get("inspector1");
        Hazard hazard = hazards.report(new HazardReport(actors.get("inst001").institutionId(), "配电箱无防护", null,
                "GEN-ELECTRICAL", false, HazardSource.SELF_CHECK, today()), inspector);
        loop.recordGrading(hazard.getId(), new Grading(HazardGrade.GENERAL, 30, 5, SupervisionLevel.TOWNSHIP, false, false, 90, 7),
                new ProcessStep(7001, 70, "Task_RecordGrading"));
        long taskId = loop.openTask(hazard.getId(), TaskKind.RECTIFICATION, new ProcessStep(7002, 70, "Task_OpenRectificationTask")).id();
        doThrow(new EngineUnavailableException(new ClientException("UNAVAILABLE: io exception"))).when(processes).publishTaskCompleted(taskId);

        ResponseEntity<String> reply = post("inst001", "/api/tasks/" + taskId + "/complete", """
                {"measures": "加装防护罩", "responsiblePerson": "王建国", "completedOn": "%s"}""".formatted(today()));

        assertThat(reply.getStatusCode().value()).isEqualTo(503);
        assertThat(jdbc.queryForObject("select status from inbox_task where id = ?", String.class, taskId)).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select count(*) from ledger_event where type = 'TASK_COMPLETED' and subject_id = ?",
                Long.class, taskId)).isZero();
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo123");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private LocalDate today() {
        return LedgerTime.today(clock);
    }
}
