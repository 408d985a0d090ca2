package com.civilsafety.engine.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.ledger.inbox.TaskNotYetCompletedException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

@SpringBootTest
class StepRecorderTest {
    @Autowired
    StepRecorder recorder;

    @Test
    void transientFaultsFailWithOneRetryLessAndGrowingBackoff() {
        ActivatedJob job = TestJobs.job("test.step", 1, "Task_X", 5);
        assertThatThrownBy(() -> recorder.record(job, step -> {
            throw new CannotCreateTransactionException("connection refused", new DataAccessResourceFailureException("down"));
        })).isInstanceOfSatisfying(JobError.class, e -> {
            assertThat(e.getRetries()).isEqualTo(4);
            assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(2));
            assertThat(e.getErrorMessage()).contains("connection refused");
        });
        ActivatedJob later = TestJobs.job("test.step", 1, "Task_X", 2);
        assertThatThrownBy(() -> recorder.record(later, step -> {
            throw new TaskNotYetCompletedException(7);
        })).isInstanceOfSatisfying(JobError.class, e -> {
            assertThat(e.getRetries()).isEqualTo(1);
            assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(16));
        });
        assertThat(recorder.backoff(-20)).isEqualTo(Duration.ofMinutes(5));
        assertThat(StepRecorder.isTransient(new RuntimeException(new CannotAcquireLockException("lock")))).isTrue();
    }

    @Test
    void defectsFailAtOnceIntoAnIncident() {
        ActivatedJob job = TestJobs.job("test.step", 1, "Task_X", 5);
        assertThatThrownBy(() -> recorder.record(job, step -> {
            throw new IllegalStateException("task 9 is not a RECTIFICATION task of HAZARD 3");
        })).isInstanceOfSatisfying(JobError.class, e -> {
            assertThat(e.getRetries()).isZero();
            assertThat(e.getErrorMessage()).contains("IllegalStateException", "task 9");
        });
    }

    @Test
    void theStepCarriesTheJobsCoordinates() {
        ActivatedJob job = TestJobs.job(424242L, "test.step", 99, "Task_Y", 5);
        Map<String, Object> result = recorder.record(job, step -> Map.of("key", step.jobKey(), "pik", step.processInstanceKey(),
                "element", step.elementId()));
        assertThat(result).containsEntry("key", 424242).containsEntry("pik", 99).containsEntry("element", "Task_Y");
    }
}
