package com.civilsafety.api.process;

import com.civilsafety.api.operate.OperateLinks;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.engine.command.VariableCorrections;
import com.civilsafety.engine.model.ProcessModels;
import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.engine.state.InstanceNames;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.NotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * One running process instance for the county administrator: what it is about, where it waits and its variables;
 * a variable corrected with a reason (the fix of an incident the engine raised for a value it could not read).
 * Reading needs the embedded engine's view; against a cluster the instance is in Operate.
 */
@RestController
class ProcessInstanceController {
    /** {@code value}: as JSON */
    record Variable(String name, String value) {
    }

    record Instance(long processInstanceKey, String subject, String model, String bpmnProcessId, int version,
                    List<String> waits, List<Variable> variables) {
    }

    /** {@code value}: the new value (JSON null clears it), {@code reason}: why, kept in the event chain */
    record CorrectionRequest(String name, JsonNode value, String reason) {
    }

    private final Optional<EngineInstances> engine;
    private final InstanceNames subjects;
    private final ProcessModels models;
    private final VariableCorrections corrections;
    private final OperateLinks operate;

    ProcessInstanceController(Optional<EngineInstances> engine, InstanceNames subjects, ProcessModels models,
                              VariableCorrections corrections, OperateLinks operate) {
        this.engine = engine;
        this.subjects = subjects;
        this.models = models;
        this.corrections = corrections;
        this.operate = operate;
    }

    @GetMapping("/api/admin/process-instances/{key}")
    Instance instance(@PathVariable long key) {
        if (engine.isEmpty()) {
            throw new ConflictException("远程集群上的流程实例请在 Operate 中查看" + operate.pointer(operate.instance(key)));
        }
        EngineInstances.RunningInstance i = engine.get().instances(Set.of(key)).get(key);
        if (i == null) {
            throw new NotFoundException("流程实例不存在或已经结束");
        }
        String model = null;
        try {
            model = models.nameOf(i.bpmnProcessId());
        } catch (NotFoundException notOurs) {
            // a process the platform does not ship
        }
        // the names of the revision the instance runs, as the engine deployed it
        Map<String, String> stepNames = engine.get().elementNames(i.bpmnProcessId(), i.version());
        return new Instance(key, subjects.of(Set.of(key), Map.of(key, i)).get(key), model, i.bpmnProcessId(), i.version(),
                i.activeElements().stream().map(e -> stepNames.getOrDefault(e, e)).toList(),
                i.variables().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(v -> new Variable(v.getKey(), v.getValue())).toList());
    }

    @PostMapping("/api/admin/process-instances/{key}/variables")
    VariableCorrections.Correction correct(@PathVariable long key, @RequestBody CorrectionRequest body,
                                           @AuthenticationPrincipal ActorUser user) {
        return corrections.correct(key, body.name(), body.value(), body.reason(), user.actor());
    }
}
