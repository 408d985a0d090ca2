package com.civilsafety.api.engine;

import com.civilsafety.ledger.inbox.InboxTask;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The API's only way into the engine. Uses gRPC commands only, so it works with the embedded engine and a cluster alike.
 * A command the engine does not take fails with {@link EngineUnavailableException} (a 503), nothing else.
 */
@Component
public class ProcessCommands {
    public static final String HAZARD_RECTIFICATION = "HazardRectification";
    public static final String CAMPAIGN = "Campaign";
    public static final String WHISTLEBLOWER_TRIAGE = "WhistleblowerTriage";
    /**
     * A completion published before the process reaches its wait (the worker that opened the task committed but has
     * not completed its job yet, or its completion is being retried) is buffered this long. It covers the job timeout
     * and retries with room to spare; longer would only grow the engine's state, as every message stays buffered for
     * its whole TTL.
     */
    static final Duration MESSAGE_TTL = Duration.ofHours(1);

    private final CamundaClient client;

    public ProcessCommands(CamundaClient client) {
        this.client = client;
    }

    /** Starts a hazard's loop with the facts its grading decision reads. */
    public long startHazardRectification(long hazardId, Map<String, Object> gradingFacts) {
        Map<String, Object> variables = new HashMap<>(gradingFacts);
        variables.put("hazardId", hazardId);
        try {
            return client.newCreateInstanceCommand().bpmnProcessId(HAZARD_RECTIFICATION).latestVersion()
                    .variables(variables).send().join().getProcessInstanceKey();
        } catch (ClientException e) {
            throw new EngineUnavailableException(e);
        }
    }

    public long startWhistleblowerTriage(long reportId) {
        try {
            return client.newCreateInstanceCommand().bpmnProcessId(WHISTLEBLOWER_TRIAGE).latestVersion()
                    .variables(Map.of("reportId", reportId)).send().join().getProcessInstanceKey();
        } catch (ClientException e) {
            throw new EngineUnavailableException(e);
        }
    }

    public long startCampaign(long campaignId) {
        try {
            return client.newCreateInstanceCommand().bpmnProcessId(CAMPAIGN).latestVersion()
                    .variables(Map.of("campaignId", campaignId)).send().join().getProcessInstanceKey();
        } catch (ClientException e) {
            throw new EngineUnavailableException(e);
        }
    }

    /** Ends a phase's wait now (correlation: the phase key); changeId makes a repeated publication a no-op. */
    public void publishPhaseClosed(String phaseKey, long changeId) {
        publish("campaign-phase-closed", phaseKey, "campaign-phase-change-" + changeId);
    }

    /** Makes a phase re-read its dates, so that its timers move. */
    public void publishPhaseRescheduled(String phaseKey, long changeId) {
        publish("campaign-phase-rescheduled", phaseKey, "campaign-phase-change-" + changeId);
    }

    /** Cancels a process instance with everything it called; one already gone is fine. */
    public void cancel(long processInstanceKey) {
        try {
            client.newCancelInstanceCommand(processInstanceKey).send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Status.Code.NOT_FOUND) {
                throw new EngineUnavailableException(e);
            }
        } catch (ClientException e) {
            throw new EngineUnavailableException(e);
        }
    }

    /**
     * Retries a job that ran out of retries, after its cause was fixed: gives it retries again and resolves its
     * incident, so the engine hands the job to a worker once more.
     */
    public void retryJob(long jobKey, long incidentKey) {
        try {
            client.newUpdateRetriesCommand(jobKey).retries(3).send().join();
            client.newResolveIncidentCommand(incidentKey).send().join();
        } catch (ClientException e) {
            throw new EngineUnavailableException(e);
        }
    }

    /** Interrupts a hazard's rectification wait with an extension request (correlation: the hazard id). */
    public void publishExtensionRequested(long hazardId, long requestId) {
        publish("hazard-extension-requested", Long.toString(hazardId), "hazard-extension-" + requestId);
    }

    /**
     * Tells the waiting process that a person completed a task. The message id makes a repeated publication of the
     * same completion a no-op in the engine, so a retry after an unclear failure is safe.
     */
    public void publishTaskCompleted(long taskId) {
        publish(InboxTask.COMPLETED_MESSAGE, Long.toString(taskId), "inbox-task-" + taskId);
    }

    private void publish(String name, String correlationKey, String messageId) {
        try {
            client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey)
                    .messageId(messageId).timeToLive(MESSAGE_TTL).send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
                throw new EngineUnavailableException(e);
            }
        } catch (ClientException e) {
            throw new EngineUnavailableException(e);
        }
    }
}
