package com.civilsafety.engine.step;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Activated jobs as the engine hands them to workers. */
public final class TestJobs {
    private static final AtomicLong KEYS = new AtomicLong(2_251_799_813_685_000L);

    private TestJobs() {
    }

    public static ActivatedJob job(String type, long processInstanceKey, String elementId, int retries) {
        return job(KEYS.incrementAndGet(), type, processInstanceKey, elementId, retries);
    }

    public static ActivatedJob job(String type, long processInstanceKey, String elementId, int retries,
                                   Map<String, String> headers) {
        ActivatedJob job = job(KEYS.incrementAndGet(), type, processInstanceKey, elementId, retries);
        when(job.getCustomHeaders()).thenReturn(headers);
        return job;
    }

    public static ActivatedJob job(long key, String type, long processInstanceKey, String elementId, int retries) {
        ActivatedJob job = mock(ActivatedJob.class);
        when(job.getKey()).thenReturn(key);
        when(job.getType()).thenReturn(type);
        when(job.getProcessInstanceKey()).thenReturn(processInstanceKey);
        when(job.getElementId()).thenReturn(elementId);
        when(job.getRetries()).thenReturn(retries);
        return job;
    }
}
