package com.civilsafety.engine.command;

import com.civilsafety.processes.ProcessMessages;

import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.whistleblower.Whistleblowers;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.MigrateProcessInstanceCommandStep1;
import io.grpc.Status;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

    /** The subject the people's tasks of a process are addressed by; null for one whose work is not (campaigns). */
    public static String taskSubjectOf(String bpmnProcessId) {
        return switch (bpmnProcessId) {
            case HAZARD_RECTIFICATION -> HazardService.SUBJECT;
            case WHISTLEBLOWER_TRIAGE -> Whistleblowers.SUBJECT;
            default -> null;
        };
    }
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

    /** an instance created, and the version of its process it runs */
    public record Started(long processInstanceKey, int version) {
    }

    /**
     * Creates an instance that starts before the given element (a wait), with the variables it had: how an instance
     * an embedded engine lost is rebuilt from the ledger. Its timers are armed from the variables, as they were.
     */
    public Started startAt(String bpmnProcessId, String elementId, Map<String, Object> variables) {
        try {
            var created = client.newCreateInstanceCommand().bpmnProcessId(bpmnProcessId).latestVersion().variables(variables)
                    .startBeforeElement(elementId).send().join();
            return new Started(created.getProcessInstanceKey(), created.getVersion());
        } catch (ClientException e) {
            throw new EngineUnavailableException(e);
        }
    }

    /** Ends a phase's wait now (correlation: the phase key); changeId makes a repeated publication a no-op. */
    public void publishPhaseClosed(String phaseKey, long changeId) {
        publish(ProcessMessages.PHASE_CLOSED, phaseKey, "campaign-phase-change-" + changeId);
    }

    /** Makes a phase re-read its dates, so that its timers move. */
    public void publishPhaseRescheduled(String phaseKey, long changeId) {
        publish(ProcessMessages.PHASE_RESCHEDULED, phaseKey, "campaign-phase-change-" + changeId);
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

    /** Resolves an incident the engine raised without a job: it runs the failed element again. */
    public void resolveIncident(long incidentKey) {
        try {
            client.newResolveIncidentCommand(incidentKey).send().join();
        } catch (ClientException e) {
            throw new EngineUnavailableException(e);
        }
    }

    /** A process the engine deployed: its definition key (for migrations) and version. */
    public record DeployedProcess(String bpmnProcessId, long processDefinitionKey, int version) {
    }

    /**
     * Deploys models (resource name → content) in one deployment. An unchanged model is not deployed again: the engine
     * answers with the version it already has.
     */
    public List<DeployedProcess> deploy(Map<String, byte[]> resources) {
        try {
            DeployResourceCommandStep1 command = client.newDeployResourceCommand();
            DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
            for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
                step = (step == null ? command : step).addResourceBytes(resource.getValue(), resource.getKey());
            }
            if (step == null) {
                return List.of();
            }
            return step.send().join().getProcesses().stream()
                    .map(p -> new DeployedProcess(p.getBpmnProcessId(), p.getProcessDefinitionKey(), p.getVersion())).toList();
        } catch (ClientException e) {
            throw new EngineUnavailableException(e);
        }
    }

    /** How the migration of one instance went. */
    public enum MigrationOutcome { MIGRATED, ENDED, REJECTED }

    public record Migration(long processInstanceKey, MigrationOutcome outcome, String reason) {
    }

    /**
     * Moves a running instance to another version, element by element as mapped. Mapped catch events keep their
     * subscriptions (a mapped timer keeps its due date); an active element's catch event left unmapped is cancelled
     * and the target's is created afresh, so a timer whose definition changed is armed by its new definition. An
     * instance the engine no longer has has ended; one the engine refuses to migrate is left as it was, with the
     * engine's reason.
     */
    public Migration migrate(long processInstanceKey, long targetProcessDefinitionKey, Map<String, String> mapping) {
        try {
            MigrateProcessInstanceCommandStep1.MigrateProcessInstanceCommandStep2 plan = client
                    .newMigrateProcessInstanceCommand(processInstanceKey).useGrpc().migrationPlan(targetProcessDefinitionKey);
            MigrateProcessInstanceCommandStep1.MigrateProcessInstanceCommandFinalStep last = null;
            for (Map.Entry<String, String> m : mapping.entrySet()) {
                last = (last == null ? plan : last).addMappingInstruction(m.getKey(), m.getValue());
            }
            if (last == null) {
                throw new IllegalArgumentException("a migration needs at least one mapping");
            }
            last.send().join();
            return new Migration(processInstanceKey, MigrationOutcome.MIGRATED, null);
        } catch (ClientStatusException e) {
            return switch (e.getStatusCode()) {
                case NOT_FOUND -> new Migration(processInstanceKey, MigrationOutcome.ENDED, null);
                case INVALID_ARGUMENT, FAILED_PRECONDITION ->
                        new Migration(processInstanceKey, MigrationOutcome.REJECTED, e.getStatus().getDescription());
                default -> throw new EngineUnavailableException(e);
            };
        } catch (ClientException e) {
            throw new EngineUnavailableException(e);
        }
    }

    /** Sets variables on a process instance's own scope; false if the instance has ended. */
    public boolean setVariables(long processInstanceKey, Map<String, Object> variables) {
        try {
            client.newSetVariablesCommand(processInstanceKey).useGrpc().variables(variables).send().join();
            return true;
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw new EngineUnavailableException(e);
        } catch (ClientException e) {
            throw new EngineUnavailableException(e);
        }
    }

    /** Interrupts a hazard's rectification wait with an extension request (correlation: the hazard id). */
    public void publishExtensionRequested(long hazardId, long requestId) {
        publish(ProcessMessages.EXTENSION_REQUESTED, Long.toString(hazardId), "hazard-extension-" + requestId);
    }

    /**
     * Tells the waiting process that a person completed a task. The message id makes a repeated publication of the
     * same completion a no-op in the engine, so a retry after an unclear failure is safe.
     */
    public void publishTaskCompleted(long taskId) {
        publish(ProcessMessages.TASK_COMPLETED, Long.toString(taskId), "inbox-task-" + taskId);
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
