package com.civilsafety.engine.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.hazard.Hazard;
import com.civilsafety.ledger.hazard.Grading;
import com.civilsafety.ledger.hazard.HazardGrade;
import com.civilsafety.ledger.hazard.HazardReport;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.hazard.HazardSource;
import com.civilsafety.ledger.hazard.HazardStatus;
import com.civilsafety.ledger.hazard.SupervisionLevel;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.testsupport.DemoActors;
import com.civilsafety.engine.step.TestJobs;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The workers against a real ledger: what they record, what they answer, and that a redelivered job records nothing twice. */
@SpringBootTest
class HazardWorkersTest {
    private static final Grading GENERAL = new Grading(HazardGrade.GENERAL, 15, 3, SupervisionLevel.TOWNSHIP, false, false, 60, 7);

    @Autowired
    HazardWorkers workers;
    @Autowired
    HazardService hazards;
    @Autowired
    InboxService inbox;
    @Autowired
    DemoActors actors;
    @Autowired
    Clock clock;

    @Test
    void aRedeliveredJobOpensOneTaskAndAnswersWithIt() {
        Actor inspector = actors.get("inspector1");
        Hazard hazard = report(inspector);
        long pik = 31;
        Map<String, Object> graded = workers.recordGrading(TestJobs.job("hazard.record-grading", pik, "Task_RecordGrading", 5),
                hazard.getId(), GENERAL);
        assertThat(graded).containsEntry("rectificationDeadline", yesterday().plusDays(15).toString())
                .containsKeys("deadlineAt", "reminderAt", "secondEscalationAt");

        ActivatedJob open = TestJobs.job("hazard.open-task", pik, "Task_OpenRectificationTask", 5, Map.of("kind", "RECTIFICATION"));
        Map<String, Object> first = workers.openTask(open, hazard.getId());
        Map<String, Object> redelivered = workers.openTask(open, hazard.getId());

        assertThat(redelivered).isEqualTo(first).containsKey("taskId");
        assertThat(inbox.ofSubject(HazardService.SUBJECT, hazard.getId())).singleElement().satisfies(task -> {
            assertThat(task.getId()).isEqualTo(((Number) first.get("taskId")).longValue());
            assertThat(task.getProcessInstanceKey()).isEqualTo(pik);
            assertThat(task.getElementId()).isEqualTo("Task_OpenRectificationTask");
            assertThat(task.getJobKey()).isEqualTo(open.getKey());
        });
        assertThat(hazards.view(hazard.getId(), inspector).history()).extracting(h -> h.getToStatus())
                .containsExactly(HazardStatus.REPORTED, HazardStatus.REPORTED, HazardStatus.RECTIFYING);
    }

    @Test
    void recordingASubmissionThatIsNotInTheLedgerYetIsRetried() {
        Actor inspector = actors.get("inspector1");
        Hazard hazard = report(inspector);
        workers.recordGrading(TestJobs.job("hazard.record-grading", 32, "Task_RecordGrading", 5), hazard.getId(), GENERAL);
        long taskId = ((Number) workers.openTask(TestJobs.job("hazard.open-task", 32, "Task_OpenRectificationTask", 5,
                Map.of("kind", "RECTIFICATION")), hazard.getId()).get("taskId")).longValue();

        ActivatedJob record = TestJobs.job("hazard.record-task", 32, "Task_RecordRectification", 5, Map.of("kind", "RECTIFICATION"));
        assertThatThrownBy(() -> workers.recordTask(record, hazard.getId(), taskId))
                .isInstanceOfSatisfying(JobError.class, e -> assertThat(e.getRetries()).isEqualTo(4));
        assertThat(inbox.ofSubject(HazardService.SUBJECT, hazard.getId())).extracting(InboxTask::getStatus).allMatch(s -> s.name().equals("OPEN"));
    }

    private LocalDate yesterday() {
        return LedgerTime.today(clock).minusDays(1);
    }

    private Hazard report(Actor actor) {
        return hazards.report(new HazardReport(actors.get("inst002").institutionId(), "厨房燃气管道老化", "厨房",
                "GEN-GAS", true, HazardSource.DEPARTMENT_CHECK, yesterday()), actor);
    }
}
