package com.civilsafety.api.hazard;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.engine.hazard.HazardVariables;
import com.civilsafety.ledger.hazard.GradingDecision;
import com.civilsafety.ledger.hazard.Hazard;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.inbox.TaskStatus;
import com.civilsafety.ledger.job.ProcessProjection;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A hazard's process instance as the ledger saw it run: the path taken (each recorded step), where it waits for a
 * person now, and the timers still to fire with their dates — for the diagram on the hazard's page; and the grading
 * decisions taken for it.
 */
@RestController
class HazardProcessController {

    record Waiting(String openedAt, long taskId, String kindLabel) {
    }

    record Timer(String elementId, OffsetDateTime dueAt) {
    }

    record HazardProcess(Long processInstanceKey, List<ProcessProjection.Step> steps, List<Waiting> waiting,
                         List<Timer> timers) {
    }

    private final HazardService hazards;
    private final ProcessProjection projection;
    private final Clock clock;

    HazardProcessController(HazardService hazards, ProcessProjection projection, Clock clock) {
        this.hazards = hazards;
        this.projection = projection;
        this.clock = clock;
    }

    /** 定级依据: each grading decision taken for the hazard — its facts, the rule that matched, what it decided. */
    @GetMapping("/api/hazards/{id}/grading-decisions")
    List<GradingDecision> gradingDecisions(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        return hazards.gradingDecisions(id, user.actor());
    }

    @GetMapping("/api/hazards/{id}/process")
    HazardProcess process(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        var view = hazards.view(id, user.actor());
        Hazard hazard = view.hazard();
        Long instance = hazard.getProcessInstanceKey();
        List<Waiting> waiting = view.tasks().stream().filter(t -> t.getStatus() == TaskStatus.OPEN && t.getElementId() != null)
                .map(t -> new Waiting(t.getElementId(), t.getId(), t.getKind().label())).toList();
        List<Timer> timers = hazard.pendingTimers(clock.instant()).entrySet().stream()
                .map(e -> new Timer(HazardVariables.TIMER_ELEMENTS.get(e.getKey()), e.getValue())).toList();
        return new HazardProcess(instance, instance == null ? List.of() : projection.path(instance), waiting, timers);
    }
}
