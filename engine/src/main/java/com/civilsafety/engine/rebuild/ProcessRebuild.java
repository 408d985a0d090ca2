package com.civilsafety.engine.rebuild;

import com.civilsafety.engine.model.ProcessModels;
import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.ledger.campaign.CampaignService;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.Json;
import com.civilsafety.engine.campaign.CampaignVariables;
import com.civilsafety.engine.hazard.HazardVariables;
import com.civilsafety.ledger.hazard.RectificationLoop;
import com.civilsafety.engine.inbox.TaskVariables;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskStatus;
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
 * 从台账重建流程实例: an embedded engine forgets its state when it stops, so after a restart it has no instance of the open
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

    private final RectificationLoop hazards;
    private final Whistleblowers whistleblowers;
    private final CampaignService campaigns;
    private final ProcessProjection projection;
    private final JobLedger jobLedger;
    private final ProcessModels models;
    private final ProcessCommands commands;
    private final Optional<EngineInstances> engine;

    ProcessRebuild(RectificationLoop hazards, Whistleblowers whistleblowers, CampaignService campaigns, ProcessProjection projection, JobLedger jobLedger,
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
        Map<Long, String> instances = engine.orElseThrow(() ->
                new ConflictException("流程运行在 Camunda 集群中，集群保存流程状态，无需从台账重建")).running();
        ModelGraph loop = new ModelGraph(models.current("hazard-rectification").xml());
        ModelGraph triage = new ModelGraph(models.current("whistleblower-triage").xml());
        int rebuiltHazards = 0;
        int rebuiltReports = 0;
        int rebuiltCampaigns = 0;
        int running = 0;
        List<String> failures = new ArrayList<>();
        for (RectificationLoop.LoopPosition hazard : hazards.openLoops()) {
            if (running(instances, hazard.processInstanceKey(), ProcessCommands.HAZARD_RECTIFICATION)) {
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
            if (running(instances, report.processInstanceKey(), ProcessCommands.WHISTLEBLOWER_TRIAGE)) {
                running++;
                continue;
            }
            try {
                long key = rebuildAt(ProcessCommands.WHISTLEBLOWER_TRIAGE, triage, report.processInstanceKey(),
                        report.tasks(), Map.of("reportId", report.reportId()));
                whistleblowers.rebuiltAs(report.reportId(), key);
                rebuiltReports++;
            } catch (RuntimeException e) {
                log.error("whistleblower report {} not rebuilt", report.reportId(), e);
                failures.add("举报 " + report.reportId() + "：" + e.getMessage());
            }
        }
        for (Map.Entry<Long, Long> campaign : campaigns.runningProcesses().entrySet()) {
            if (running(instances, campaign.getValue(), ProcessCommands.CAMPAIGN)) {
                running++;
                continue;
            }
            try {
                Map<String, Object> variables = new HashMap<>(CampaignVariables.schedule(campaigns.unfinishedSchedule(campaign.getKey())));
                variables.put("campaignId", campaign.getKey());
                ProcessCommands.Started started = commands.startAt(ProcessCommands.CAMPAIGN, "Gateway_Fork", variables);
                long key = started.processInstanceKey();
                jobLedger.recordRebuild(started.processInstanceKey(), started.version(), ProcessCommands.CAMPAIGN, "Gateway_Fork", variables);
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

    /**
     * Whether the engine runs this instance: it has an instance of that process under the key, and the key is not
     * one an earlier engine gave (a restarted embedded engine reuses keys for other instances).
     */
    private boolean running(Map<Long, String> instances, long processInstanceKey, String bpmnProcessId) {
        return bpmnProcessId.equals(instances.get(processInstanceKey)) && !projection.fromAnotherEngine(processInstanceKey);
    }

    private void rebuildHazard(RectificationLoop.LoopPosition hazard, ModelGraph loop) {
        // the grading decision's inputs were start variables, never a step's result: a rebuilt loop needs them again
        // when a 回头看 finds a rebound and the reopened hazard is graded (issue 24's soak: incidents at 登记定级)
        Map<String, Object> current = new HashMap<>(HazardVariables.gradingFacts(hazards.gradingFacts(hazard.hazardId())));
        current.put("hazardId", hazard.hazardId());
        current.put("grading", HazardVariables.grading(hazard.grading()));
        long key = rebuildAt(ProcessCommands.HAZARD_RECTIFICATION, loop, hazard.processInstanceKey(), hazard.tasks(), current);
        hazards.rebuiltAs(hazard.hazardId(), key);
    }

    /**
     * Starts a person-driven instance again where its recorded steps left it, with the variables it gathered (and
     * these), and records where and with what.
     */
    private long rebuildAt(String bpmnProcessId, ModelGraph model, long lostInstance, List<InboxTask> tasks,
                           Map<String, Object> current) {
        List<ProcessProjection.StepResult> steps = projection.resultsOfLost(lostInstance, bpmnProcessId);
        String waitAt = resumePoint(model, steps, tasks);
        Map<String, Object> variables = variables(steps, model);
        variables.putAll(TaskVariables.deadlines(tasks, model));
        variables.putAll(current);
        ProcessCommands.Started started = commands.startAt(bpmnProcessId, waitAt, variables);
        jobLedger.recordRebuild(started.processInstanceKey(), started.version(), bpmnProcessId, waitAt, variables);
        return started.processInstanceKey();
    }

    /**
     * Where the lost instance was: after its last recorded step on the main path (steps on a branch that only ends,
     * such as a reminder beside a wait, do not move it), or where a previous rebuild started it. A wait for a person's
     * task that was completed, but whose completion the lost engine never acted on, is passed: the instance starts at
     * the step that records the task. Any step after the last recorded one runs again — it never committed.
     */
    static String resumePoint(ModelGraph model, List<ProcessProjection.StepResult> steps, List<InboxTask> tasks) {
        String position = null;
        for (ProcessProjection.StepResult step : steps) {
            if (step.elementId() == null) {
                continue;
            }
            if (JobLedger.REBUILD.equals(step.jobType())) {
                position = step.elementId();
            } else {
                Optional<String> next = model.next(step.elementId());
                if (next.isPresent() && !model.isEndEvent(next.get())) {
                    position = next.get();
                }
            }
        }
        if (position == null) {
            throw new IllegalStateException("台账中没有记录该流程的任何步骤，无法确定从哪里重建");
        }
        if (model.isReceiveTask(position)) {
            String opener = model.previous(position).orElse(null);
            Optional<InboxTask> task = tasks.stream().filter(t -> t.getElementId() != null && t.getElementId().equals(opener))
                    .reduce((a, b) -> b);
            if (task.isPresent() && task.get().getStatus() == TaskStatus.COMPLETED) {
                String wait = position;
                position = model.next(wait).orElseThrow(() -> new IllegalStateException("模型中 " + wait + " 之后没有唯一的下一步"));
            }
        }
        return position;
    }

    /**
     * The variables an instance gathered, replayed from what its recorded steps returned: a step's variables reach
     * the process as they are, or through the element's output mappings when it has them.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(List<ProcessProjection.StepResult> steps, ModelGraph model) {
        Map<String, Object> variables = new HashMap<>();
        for (ProcessProjection.StepResult step : steps) {
            Map<String, Object> result = step.result() == null ? Map.of() : Json.read(step.result(), Map.class);
            Map<String, String> outputs = step.elementId() == null || JobLedger.REBUILD.equals(step.jobType())
                    ? Map.of() : model.outputs(step.elementId());
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
