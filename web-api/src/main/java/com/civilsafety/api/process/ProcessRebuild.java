package com.civilsafety.api.process;

import com.civilsafety.api.engine.EngineInstances;
import com.civilsafety.api.engine.ProcessCommands;
import com.civilsafety.ledger.campaign.CampaignService;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.Json;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.job.JobLedger;
import com.civilsafety.ledger.job.ProcessProjection;
import com.civilsafety.ledger.whistleblower.Whistleblowers;
import com.civilsafety.processes.ModelGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 从台账重建流程实例: an embedded engine keeps its state in memory, so after a restart it has no instance of the open
 * hazards and running campaigns the ledger holds. This recreates each one where the ledger says it waits, with the
 * variables its recorded steps gave it (their timers are armed from those, at the same dates), and records the new
 * instance and its variables so that a later rebuild finds them again.
 * <ul>
 * <li>A hazard or a whistleblower report waits on its open task (the element after the step that opened it), or — closed and not yet
 * re-checked — on its 回头看 timer.</li>
 * <li>A campaign starts again where it fans out, with what is unfinished of its schedule; its phase, deliverable
 * and dispatch instances start over, find their work already opened and their dates in the ledger, and wait where
 * they were (their steps do not open, remind or escalate twice).</li>
 * </ul>
 * Instances the engine still has are left alone. A cluster keeps its state; there is nothing to rebuild there.
 */
@Service
public class ProcessRebuild {
    private static final Logger log = LoggerFactory.getLogger(ProcessRebuild.class);

    public record Report(int hazards, int whistleblowerReports, int campaigns, int alreadyRunning, List<String> failures) {
    }

    private final HazardService hazards;
    private final Whistleblowers whistleblowers;
    private final CampaignService campaigns;
    private final ProcessProjection projection;
    private final JobLedger jobLedger;
    private final ProcessModels models;
    private final ProcessCommands commands;
    private final Optional<EngineInstances> engine;

    ProcessRebuild(HazardService hazards, Whistleblowers whistleblowers, CampaignService campaigns, ProcessProjection projection, JobLedger jobLedger,
                   ProcessModels models, ProcessCommands commands, Optional<EngineInstances> engine) {
        this.hazards = hazards;
        this.whistleblowers = whistleblowers;
        this.campaigns = campaigns;
        this.projection = projection;
        this.jobLedger = jobLedger;
        this.models = models;
        this.commands = commands;
        this.engine = engine;
    }

    public Report rebuild() {
        EngineInstances instances = engine.orElseThrow(() ->
                new ConflictException("流程运行在 Camunda 集群中，集群保存流程状态，无需从台账重建"));
        ModelGraph loop = new ModelGraph(models.current("hazard-rectification").xml());
        ModelGraph triage = new ModelGraph(models.current("whistleblower-triage").xml());
        int rebuiltHazards = 0;
        int rebuiltReports = 0;
        int rebuiltCampaigns = 0;
        int running = 0;
        List<String> failures = new ArrayList<>();
        for (HazardService.LoopPosition hazard : hazards.openLoops()) {
            if (!instances.family(hazard.processInstanceKey(), List.of()).isEmpty()) {
                running++;
                continue;
            }
            try {
                rebuildHazard(hazard, loop);
                rebuiltHazards++;
            } catch (RuntimeException e) {
                log.error("hazard {} not rebuilt", hazard.hazardId(), e);
                failures.add("隐患 " + hazard.hazardId() + "：" + e.getMessage());
            }
        }
        for (Whistleblowers.TriagePosition report : whistleblowers.openTriages()) {
            if (!instances.family(report.processInstanceKey(), List.of()).isEmpty()) {
                running++;
                continue;
            }
            try {
                if (report.waitingTask() == null) {
                    throw new IllegalStateException("台账中没有该举报正在等待的环节（两步之间中断），请在流程故障中处理");
                }
                long key = rebuildAt(ProcessCommands.WHISTLEBLOWER_TRIAGE, triage, report.processInstanceKey(),
                        after(triage, report.waitingTask().getElementId()), Map.of("reportId", report.reportId()));
                whistleblowers.rebuiltAs(report.reportId(), key);
                rebuiltReports++;
            } catch (RuntimeException e) {
                log.error("whistleblower report {} not rebuilt", report.reportId(), e);
                failures.add("举报 " + report.reportId() + "：" + e.getMessage());
            }
        }
        for (Map.Entry<Long, Long> campaign : campaigns.runningProcesses().entrySet()) {
            if (!instances.family(campaign.getValue(), List.of()).isEmpty()) {
                running++;
                continue;
            }
            try {
                Map<String, Object> variables = new HashMap<>(campaigns.unfinishedSchedule(campaign.getKey()));
                long key = commands.startAt(ProcessCommands.CAMPAIGN, "Gateway_Fork", variables);
                jobLedger.recordRebuild(key, ProcessCommands.CAMPAIGN, variables);
                campaigns.rebuiltAs(campaign.getKey(), key);
                rebuiltCampaigns++;
            } catch (RuntimeException e) {
                log.error("campaign {} not rebuilt", campaign.getKey(), e);
                failures.add("专项行动 " + campaign.getKey() + "：" + e.getMessage());
            }
        }
        log.info("Rebuilt from the ledger: {} hazard loops, {} whistleblower triages, {} campaigns ({} still running, {} failed)",
                rebuiltHazards, rebuiltReports, rebuiltCampaigns, running, failures.size());
        return new Report(rebuiltHazards, rebuiltReports, rebuiltCampaigns, running, failures);
    }

    private void rebuildHazard(HazardService.LoopPosition hazard, ModelGraph loop) {
        String waitAt;
        if (hazard.waitingTask() != null) {
            waitAt = after(loop, hazard.waitingTask().getElementId());
        } else if (hazard.awaitingRecheck()) {
            waitAt = after(loop, "Task_CloseHazard");
        } else {
            throw new IllegalStateException("台账中没有该隐患正在等待的环节（两步之间中断），请在流程故障中处理");
        }
        long key = rebuildAt(ProcessCommands.HAZARD_RECTIFICATION, loop, hazard.processInstanceKey(), waitAt,
                Map.of("hazardId", hazard.hazardId(), "grading", hazard.grading()));
        hazards.rebuiltAs(hazard.hazardId(), key);
    }

    /** The wait a person's task holds its process at: the element after the step that opened the task. */
    private static String after(ModelGraph model, String elementId) {
        return model.next(elementId).orElseThrow(() -> new IllegalStateException("模型中 " + elementId + " 之后没有唯一的等待环节"));
    }

    /** Starts the instance again at its wait with the variables it gathered (and these), and records it. */
    private long rebuildAt(String bpmnProcessId, ModelGraph model, long lostInstance, String waitAt, Map<String, Object> current) {
        Map<String, Object> variables = variables(lostInstance, model);
        variables.putAll(current);
        long key = commands.startAt(bpmnProcessId, waitAt, variables);
        jobLedger.recordRebuild(key, bpmnProcessId, variables);
        return key;
    }

    /**
     * The variables an instance gathered, replayed from what its recorded steps returned: a step's variables reach
     * the process as they are, or through the element's output mappings when it has them.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> variables(long processInstanceKey, ModelGraph model) {
        Map<String, Object> variables = new HashMap<>();
        for (ProcessProjection.StepResult step : projection.results(processInstanceKey)) {
            Map<String, Object> result = step.result() == null ? Map.of() : Json.read(step.result(), Map.class);
            Map<String, String> outputs = step.elementId() == null ? Map.of() : model.outputs(step.elementId());
            if (outputs.isEmpty()) {
                variables.putAll(result);
            } else {
                outputs.forEach((source, target) -> {
                    if (result.containsKey(source)) {
                        variables.put(target, result.get(source));
                    }
                });
            }
        }
        return variables;
    }
}
