package com.civilsafety.api.campaign;

import com.civilsafety.api.operate.OperateLinks;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.engine.model.ProcessModels;
import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.ledger.campaign.CampaignService;
import com.civilsafety.ledger.job.ProcessProjection;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's process as the engine runs it: the campaign's instance and the phase, deliverable and monthly
 * dispatch instances it called, each with the steps it took (as the ledger recorded them), where it waits and the
 * timers armed with their dates. The embedded engine
 * answers from its record stream; against a cluster the view is Operate's ({@code operateUrl}).
 */
@RestController
class CampaignProcessController {
    /** The variables that tell the called instances apart: which phase, deliverable or month each one runs. */
    private static final List<String> IDENTIFYING = List.of("ordinal", "deliverableId", "reportMonth");

    record Element(String elementId, String name) {
    }

    record Timer(String elementId, String name, Instant dueAt) {
    }

    record Step(String elementId, String name, Instant at) {
    }

    record Instance(long processInstanceKey, Long parentProcessInstanceKey, String model, String bpmnProcessId,
                    int version, List<Step> path, List<Element> waits, List<Timer> timers, Map<String, String> variables) {
    }

    record CampaignProcess(Long processInstanceKey, boolean engineView, List<Instance> instances, String operateUrl) {
    }

    private final CampaignService campaigns;
    private final ProcessModels models;
    private final ProcessProjection projection;
    private final Optional<EngineInstances> engine;
    private final OperateLinks operate;

    CampaignProcessController(CampaignService campaigns, ProcessModels models, ProcessProjection projection,
                              Optional<EngineInstances> engine,
                              OperateLinks operate) {
        this.campaigns = campaigns;
        this.models = models;
        this.projection = projection;
        this.engine = engine;
        this.operate = operate;
    }

    @GetMapping("/api/campaigns/{id}/process")
    CampaignProcess process(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        Long key = campaigns.get(id, user.actor()).campaign().getProcessInstanceKey();
        if (key == null || engine.isEmpty()) {
            return new CampaignProcess(key, engine.isPresent(), List.of(), key == null ? operate.home() : operate.instance(key));
        }
        Map<String, Map<String, String>> names = new HashMap<>();
        List<Instance> instances = engine.get().family(key, IDENTIFYING).stream().map(i -> {
            String model = models.nameOf(i.bpmnProcessId());
            Map<String, String> elementNames = names.computeIfAbsent(model, models::elementNames);
            return new Instance(i.processInstanceKey(), i.parentProcessInstanceKey(), model, i.bpmnProcessId(), i.version(),
                    projection.path(i.processInstanceKey()).stream()
                            .map(s -> new Step(s.elementId(), elementNames.getOrDefault(s.elementId(), s.elementId()), s.at())).toList(),
                    i.activeElements().stream().map(e -> new Element(e, elementNames.getOrDefault(e, e))).toList(),
                    i.timers().stream().map(t -> new Timer(t.elementId(), elementNames.getOrDefault(t.elementId(), t.elementId()), t.dueAt())).toList(),
                    i.variables());
        }).toList();
        return new CampaignProcess(key, true, instances, key == null ? operate.home() : operate.instance(key));
    }
}
