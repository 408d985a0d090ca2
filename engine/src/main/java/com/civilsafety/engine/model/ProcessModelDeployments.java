package com.civilsafety.engine.model;

import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.engine.command.ProcessCommands.DeployedProcess;
import com.civilsafety.engine.command.ProcessCommands.Migration;
import com.civilsafety.engine.command.ProcessCommands.MigrationOutcome;
import com.civilsafety.engine.inbox.TaskVariables;
import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.engine.state.InstanceNames;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.job.ProcessProjection;
import com.civilsafety.ledger.processmodel.ProcessModelRevision;
import com.civilsafety.ledger.processmodel.ProcessModelRevisions;
import com.civilsafety.processes.ModelGraph;
import com.civilsafety.processes.check.ModelCheck;
import com.civilsafety.processes.migration.MigrationMapping;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys the process models and their revisions, and moves running instances to a new revision. At start-up the
 * current revision of every model is deployed (an embedded engine has none; a cluster answers an unchanged model
 * with the version it has), so a revision deployed from the modeler stays in force across restarts.
 */
@Service
public class ProcessModelDeployments implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(ProcessModelDeployments.class);

    public record Deployed(String name, int revision, int engineVersion) {
    }

    /**
     * What moving to the current revision means: for each revision running instances are on (newest first), its
     * elements' proposed mapping and how many instances; {@code fromRevision} and {@code mapping} are the previous
     * revision's, {@code instances} all there are to move.
     */
    public record MigrationPlan(String name, int fromRevision, int toRevision, int engineVersion,
                                List<MigrationMapping.Row> mapping, int instances, List<Source> sources, boolean engineView) {
    }

    /**
     * The instances on one earlier revision, and the mapping proposed for them; {@code running}: each instance still
     * running, what it is about and — where the engine's own view is at hand (embedded) — where it waits and its
     * timers' dates before and after the move.
     */
    public record Source(int revision, List<MigrationMapping.Row> mapping, int instances, List<MigrationPreview.PlannedInstance> running) {
    }

    /** {@code skipped}: running instances the user chose not to move */
    public record MigrationResult(int migrated, int ended, int skipped, List<Refused> rejected) {
    }

    /** an instance the engine would not move, named by what it is about, with the engine's reason */
    public record Refused(long processInstanceKey, String subject, String reason) {
    }

    private final ProcessModels models;
    private final ProcessModelRevisions revisions;
    private final ProcessModelCheck check;
    private final ProcessCommands commands;
    private final ProcessProjection projection;
    private final InboxService inbox;
    private final TransactionTemplate tx;
    private final InstanceNames subjects;
    private final Optional<EngineInstances> engine;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, DeployedProcess> deployed = new ConcurrentHashMap<>();

    ProcessModelDeployments(ProcessModels models, ProcessModelRevisions revisions, ProcessModelCheck check,
                            ProcessCommands commands, ProcessProjection projection, InboxService inbox,
                            PlatformTransactionManager txManager, InstanceNames subjects,
                            Optional<EngineInstances> engine, ObjectMapper json, Clock clock) {
        this.subjects = subjects;
        this.engine = engine;
        this.json = json;
        this.clock = clock;
        this.models = models;
        this.revisions = revisions;
        this.check = check;
        this.commands = commands;
        this.projection = projection;
        this.inbox = inbox;
        this.tx = new TransactionTemplate(txManager);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, byte[]> resources = new LinkedHashMap<>(models.decisions());
        Map<String, String> nameOfProcess = new LinkedHashMap<>();
        for (String name : models.names()) {
            ProcessModels.Model current = models.current(name);
            resources.put(current.resourceName(), current.xml().getBytes(StandardCharsets.UTF_8));
            nameOfProcess.put(current.bpmnProcessId(), name);
        }
        for (DeployedProcess process : commands.deploy(resources)) {
            String name = nameOfProcess.get(process.bpmnProcessId());
            deployed.put(name, process);
            revisions.deployedAs(process.bpmnProcessId(), process.version(), models.current(name).revision());
        }
        log.info("Process models deployed: {}", deployed.entrySet().stream()
                .map(e -> e.getKey() + " v" + e.getValue().version()).collect(Collectors.joining(", ")));
    }

    /**
     * Deploys a revised model as the next revision: only if it passes the check, defines the same process and differs
     * from the current revision. The revision is recorded and deployed in one transaction, so a deployment the engine
     * refused leaves no revision behind.
     */
    public Deployed deploy(String name, String xml, String comment, Actor actor) {
        ProcessModels.Model shipped = models.shipped(name);
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("comment", "请说明本次修改的内容和原因");
        }
        if (comment.length() > 500) {
            throw new InvalidInputException("comment", "修改说明不能超过 500 字");
        }
        List<ModelCheck.Finding> findings = check.check("bpmnXml", xml);
        if (!findings.isEmpty()) {
            throw new ModelRejectedException(findings);
        }
        if (!shipped.bpmnProcessId().equals(new ModelGraph(xml).processId())) {
            String label = ModelGraph.read(shipped.xml()).getModelElementById(shipped.bpmnProcessId()).getAttributeValue("name");
            throw new InvalidInputException("bpmnXml", "这是另一个流程的模型：这里只能部署「" + label + "」的新版本");
        }
        ProcessModels.Model current = models.current(name);
        if (current.xml().equals(xml)) {
            throw new InvalidInputException("bpmnXml", "与当前版本（第 " + current.revision() + " 版）相同，无需部署");
        }
        return tx.execute(status -> {
            ProcessModelRevision revision = revisions.record(name, shipped.bpmnProcessId(), xml, comment.strip(), actor);
            DeployedProcess process = commands.deploy(Map.of(shipped.resourceName(), xml.getBytes(StandardCharsets.UTF_8))).getFirst();
            revision.deployedAs(process.version());
            deployed.put(name, process);
            revisions.deployedAs(process.bpmnProcessId(), process.version(), revision.getRevision());
            log.info("{} revision {} deployed as version {} by {}", name, revision.getRevision(), process.version(), actor.username());
            return new Deployed(name, revision.getRevision(), process.version());
        });
    }

    /**
     * The mapping proposed for moving the running instances to the current revision, for each revision they are on
     * (same ids; a timer whose definition changed is armed afresh), and how many there are to move.
     */
    public MigrationPlan plan(String name) {
        ProcessModels.Model current = current(name);
        ProcessModels.Model previous = previous(current);
        Map<Integer, List<Long>> bySource = instancesBySource(current);
        Set<Long> all = bySource.values().stream().flatMap(List::stream).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, EngineInstances.RunningInstance> running = engine.map(e -> e.instances(all)).orElse(null);
        Map<Long, String> names = subjects.of(all, running == null ? Map.of() : running);
        ModelGraph target = new ModelGraph(current.xml());
        List<Source> sources = bySource.entrySet().stream().map(e -> {
            String sourceXml = models.revision(name, e.getKey()).xml();
            List<MigrationMapping.Row> mapping = MigrationMapping.propose(sourceXml, current.xml());
            MigrationPreview preview = new MigrationPreview(sourceXml, current.xml(), mapping, json, clock);
            List<MigrationPreview.PlannedInstance> planned = e.getValue().stream()
                    .filter(key -> running == null || running.containsKey(key))
                    .map(key -> running == null ? new MigrationPreview.PlannedInstance(key, subject(names, key), List.of(), List.of(), null)
                            : preview.of(running.get(key), subject(names, key),
                                    TaskVariables.deadlines(inbox.openOfInstance(key), target)))
                    .toList();
            return new Source(e.getKey(), mapping, e.getValue().size(), planned);
        }).toList();
        return new MigrationPlan(name, previous.revision(), current.revision(), target(name).version(),
                MigrationMapping.propose(previous.xml(), current.xml()), all.size(), sources, running != null);
    }

    private static String subject(Map<Long, String> names, long key) {
        return names.getOrDefault(key, "（台账中没有记录的实例）");
    }

    /**
     * Moves every running instance of the model to its current revision, each from the revision it is on, with the
     * mapping the user confirmed for that revision (element id → element id; {@code mapping} alone: the previous
     * revision's). Every revision instances are on needs its confirmed mapping (one the user has not seen — instances
     * that came since the plan was shown — is refused with 409, nothing moved). An instance the engine refuses stays
     * where it was, listed with the engine's reason. {@code chosen}: the instances to move (null: all); the others stay.
     */
    public MigrationResult migrate(String name, Map<String, String> mapping, Map<Integer, Map<String, String>> mappings,
                                   Set<Long> chosen) {
        ProcessModels.Model current = current(name);
        Map<Integer, Map<String, String>> confirmed = new HashMap<>(mappings == null ? Map.of() : mappings);
        if (mapping != null && !mapping.isEmpty()) {
            confirmed.putIfAbsent(previous(current).revision(), mapping);
        }
        if (confirmed.isEmpty()) {
            throw new InvalidInputException("mapping", "请确认元素对应关系（至少一项）");
        }
        Set<String> targetIds = new ModelGraph(current.xml()).elementIds();
        confirmed.forEach((revision, pairs) -> {
            if (pairs == null) {
                throw new InvalidInputException("mappings." + revision, "请确认第 " + revision + " 版的元素对应关系");
            }
        });
        confirmed.forEach((revision, pairs) -> pairs.forEach((source, target) -> {
            if (!targetIds.contains(target)) {
                throw new InvalidInputException("mapping." + source, "新版本中没有元素 " + target);
            }
        }));
        Map<Integer, List<Long>> bySource = instancesBySource(current);
        bySource.forEach((revision, instances) -> {
            if (!confirmed.containsKey(revision)) {
                throw new ConflictException("第 " + revision + " 版上有 " + instances.size()
                        + " 个实例，其元素对应关系尚未确认：请重新打开迁移对话框，确认后再迁移");
            }
        });
        long targetKey = target(name).processDefinitionKey();
        int targetVersion = target(name).version();
        int migrated = 0;
        int ended = 0;
        int skipped = 0;
        List<Migration> rejected = new ArrayList<>();
        ModelGraph target = new ModelGraph(current.xml());
        for (Map.Entry<Integer, List<Long>> source : bySource.entrySet()) {
            Map<String, String> pairs = confirmed.get(source.getKey());
            for (long instance : source.getValue()) {
                if (chosen != null && !chosen.contains(instance)) {
                    skipped++;
                    continue;
                }
                // the new revision's timers beside a person's wait read the task's dates: give them before the move
                Map<String, Object> deadlines = TaskVariables.deadlines(inbox.openOfInstance(instance), target);
                Migration result = deadlines.isEmpty() || commands.setVariables(instance, deadlines)
                        ? commands.migrate(instance, targetKey, pairs) : new Migration(instance, MigrationOutcome.ENDED, null);
                if (result.outcome() == MigrationOutcome.MIGRATED) {
                    projection.migrated(instance, targetVersion);
                    migrated++;
                } else if (result.outcome() == MigrationOutcome.ENDED) {
                    ended++;
                } else {
                    rejected.add(result);
                }
            }
        }
        log.info("{} instances migrated to revision {}: {} moved, {} had ended, {} left by choice, {} refused", name,
                current.revision(), migrated, ended, skipped, rejected.size());
        Map<Long, String> names = subjects.of(rejected.stream().map(Migration::processInstanceKey).toList(), Map.of());
        return new MigrationResult(migrated, ended, skipped, rejected.stream()
                .map(r -> new Refused(r.processInstanceKey(), subject(names, r.processInstanceKey()), r.reason())).toList());
    }

    private ProcessModels.Model current(String name) {
        ProcessModels.Model current = models.current(name);
        if (current.revision() == ProcessModelRevisions.SHIPPED) {
            throw new ConflictException("该流程模型尚未部署过新版本，没有需要迁移的实例");
        }
        return current;
    }

    /**
     * The instances not on the current revision yet, by the revision they are on, newest first (the engine's version
     * each runs, traced to the revision it was deployed from in this engine's lifetime). An instance whose version the
     * ledger does not know (its steps, or the deployment, predate the record) is taken to be on the previous revision.
     */
    private Map<Integer, List<Long>> instancesBySource(ProcessModels.Model current) {
        int targetVersion = target(current.name()).version();
        int previous = previous(current).revision();
        Map<Integer, List<Long>> bySource = new TreeMap<>(Comparator.reverseOrder());
        projection.versionsSeen(current.bpmnProcessId()).forEach((instance, version) -> {
            if (version != targetVersion) {
                int revision = version > 0 ? revisions.revisionOf(current.bpmnProcessId(), version).orElse(previous) : previous;
                bySource.computeIfAbsent(revision, r -> new ArrayList<>()).add(instance);
            }
        });
        return bySource;
    }

    public List<ProcessModelRevision> history(String name) {
        models.shipped(name);
        return revisions.history(name);
    }

    private ProcessModels.Model previous(ProcessModels.Model current) {
        return models.revision(current.name(), current.revision() - 1);
    }

    private DeployedProcess target(String name) {
        DeployedProcess process = deployed.get(name);
        if (process == null) {
            throw new ConflictException("流程引擎中没有该模型的当前版本，请重启平台后再试");
        }
        return process;
    }
}
