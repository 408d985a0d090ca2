package com.civilsafety.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;

import com.civilsafety.engine.hazard.HazardIntake;
import com.civilsafety.engine.inbox.TaskSubmission;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.hazard.AssignmentForm;
import com.civilsafety.ledger.hazard.HazardReport;
import com.civilsafety.ledger.hazard.HazardSource;
import com.civilsafety.ledger.hazard.RectificationReport;
import com.civilsafety.ledger.job.JobLedger;
import com.civilsafety.ledger.job.ProcessStep;
import com.civilsafety.ledger.testsupport.DemoActors;
import java.time.Duration;
import com.civilsafety.ledger.common.LedgerTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A worker whose step committed and then failed before the engine heard of it is retried by the engine; the retry finds
 * the step recorded and answers as the first run did, so the ledger holds exactly one record and the process carries on
 * with it. Two ways of failing: a transient fault right after the commit (the job is failed and retried), and a worker
 * that never answers after its commit, as if its process had been killed (the engine's job timeout hands the job out
 * again).
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.timeout=PT5S") // a dead worker's job comes back soon
class WorkerCrashTest {
    @MockitoSpyBean
    JobLedger jobLedger;
    @Autowired
    Clock clock;
    @Autowired
    HazardIntake intake;
    @Autowired
    TaskSubmission submission;
    @Autowired
    DemoActors actors;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStepThatFailsAfterItsCommitIsRetriedAndRecordedOnce() {
        AtomicInteger deliveries = new AtomicInteger();
        doAnswer(invocation -> {
            Object answer = invocation.callRealMethod();
            ProcessStep step = invocation.getArgument(0);
            if (step.elementId().equals("Task_OpenRectificationTask") && deliveries.incrementAndGet() == 1) {
                throw new TransientDataAccessResourceException("connection lost after the commit");
            }
            return answer;
        }).when(jobLedger).once(any(), anyString(), any());
        Actor inspector = actors.get("inspector1");
        Actor manager = actors.get("inst001");
        long hazardId = intake.report(new HazardReport(manager.institutionId(), "配电箱无防护", null, "GEN-ELECTRICAL",
                false, HazardSource.DEPARTMENT_CHECK, today()), inspector).getId();

        long assignment = awaitTask(hazardId, "ASSIGNMENT");
        submission.submit(assignment, actors.get("town1"), new AssignmentForm("机构", "李建国", "加装防护罩", null,
                today().plusDays(5), null));
        await().atMost(Duration.ofSeconds(30)).until(deliveries::get, n -> n >= 2); // failed once, then retried
        long rectification = awaitTask(hazardId, "RECTIFICATION");
        submission.submit(rectification, manager, new RectificationReport("已加装防护罩", "李建国", null, today(), null));
        awaitTask(hazardId, "VERIFICATION"); // the process went on with the one task

        assertThat(jdbc.queryForObject("select count(*) from inbox_task where subject_id = ? and kind = 'RECTIFICATION'",
                Long.class, hazardId)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("""
                select count(*) from ledger_event e join inbox_task t on e.subject_id = t.id
                where e.type = 'TASK_OPENED' and e.subject_type = 'TASK' and t.subject_id = ? and t.kind = 'RECTIFICATION'""",
                Long.class, hazardId)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("""
                select count(*) from hazard_status_change where hazard_id = ? and to_status = 'RECTIFYING'""",
                Long.class, hazardId)).isEqualTo(1L);
    }

    @Test
    void aWorkerKilledBetweenItsCommitAndTheJobsCompletionLeavesOneRecord() {
        Actor inspector = actors.get("inspector1");
        Actor manager = actors.get("inst001");
        CountDownLatch killed = new CountDownLatch(1);
        AtomicInteger deliveries = new AtomicInteger();
        AtomicLong reported = new AtomicLong(-1);
        // stubbed before the hazard's workers run: stubbing a spy while other threads call it fails the stubbing
        doAnswer(invocation -> {
            Object answer = invocation.callRealMethod();
            ProcessStep step = invocation.getArgument(0);
            if (step.elementId().equals("Task_OpenRectificationTask") && isOf(step, reported.get())
                    && deliveries.incrementAndGet() == 1) {
                killed.await(); // committed; the job's completion is never sent, as if the process had died here
            }
            return answer;
        }).when(jobLedger).once(any(), anyString(), any());
        long hazardId = intake.report(new HazardReport(manager.institutionId(), "灭火器过期", null, "GEN-FIRE",
                false, HazardSource.DEPARTMENT_CHECK, today()), inspector).getId();
        reported.set(hazardId);
        try {
            long assignment = awaitTask(hazardId, "ASSIGNMENT");
            submission.submit(assignment, actors.get("town1"), new AssignmentForm("机构", "王强", "更换灭火器", null,
                    today().plusDays(5), null));
            await().atMost(Duration.ofSeconds(60)).until(deliveries::get, n -> n >= 2); // the timed-out job, handed out again
            awaitTask(hazardId, "RECTIFICATION");
            assertThat(jdbc.queryForObject("select count(*) from inbox_task where subject_id = ? and kind = 'RECTIFICATION'",
                    Long.class, hazardId)).isEqualTo(1L);
            assertThat(jdbc.queryForObject("select count(*) from hazard_status_change where hazard_id = ? and to_status = 'RECTIFYING'",
                    Long.class, hazardId)).isEqualTo(1L);
        } finally {
            killed.countDown();
        }
    }

    private boolean isOf(ProcessStep step, long hazardId) {
        if (hazardId < 0) {
            return false; // not reported yet
        }
        Long key = jdbc.queryForObject("select process_instance_key from hazard where id = ?", Long.class, hazardId);
        return key != null && key == step.processInstanceKey();
    }

    private long awaitTask(long hazardId, String kind) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select id from inbox_task where subject_id = ? and kind = ? and status = 'OPEN'", Long.class, hazardId, kind)
                .stream().findFirst().orElse(null), id -> id != null);
    }

    private LocalDate today() {
        return LedgerTime.today(clock);
    }
}
