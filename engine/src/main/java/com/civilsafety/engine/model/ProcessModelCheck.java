package com.civilsafety.engine.model;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.engine.step.WritesVariables;
import com.civilsafety.processes.check.ModelCheck;
import io.camunda.client.annotation.JobWorker;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * {@link ModelCheck} for this platform: the job types are those its workers serve, each process's variables those
 * of its catalogue. Used before a model is shown as valid and before it is deployed.
 */
@Component
public class ProcessModelCheck {
    static final int MAX_MODEL_CHARS = 2_000_000;

    private final ConfigurableListableBeanFactory beans;
    private final ProcessModels models;
    private volatile ModelCheck check;
    private volatile Map<String, Set<String>> catalogues;

    ProcessModelCheck(ConfigurableListableBeanFactory beans, ProcessModels models) {
        this.beans = beans;
        this.models = models;
    }

    /** The findings for a submitted document; an empty or oversized one is bad input, named by {@code field}. */
    public List<ModelCheck.Finding> check(String field, String xml) {
        if (xml == null || xml.isBlank()) {
            throw new InvalidInputException(field, "请提交 BPMN 文件内容（XML）");
        }
        if (xml.length() > MAX_MODEL_CHARS) {
            throw new InvalidInputException(field, "BPMN 文件过大（上限 " + MAX_MODEL_CHARS / 1_000_000 + " 百万字符）");
        }
        return modelCheck().check(xml);
    }

    /**
     * The job types the workers of this platform serve (their {@link JobWorker} methods), each with the variables it
     * answers with ({@link WritesVariables}), found once.
     */
    public Map<String, Set<String>> workers() {
        Map<String, Set<String>> types = new TreeMap<>();
        declared().forEach((type, writes) -> types.put(type, Set.of(writes.value())));
        return types;
    }

    /** of what each job type writes, the dates it moves on (all but those it reads again: {@link WritesVariables#rereads}) */
    Map<String, Set<String>> advancing() {
        Map<String, Set<String>> types = new TreeMap<>();
        declared().forEach((type, writes) -> {
            Set<String> moved = new TreeSet<>(List.of(writes.value()));
            List.of(writes.rereads()).forEach(moved::remove);
            types.put(type, moved);
        });
        return types;
    }

    private Map<String, WritesVariables> declared() {
        Map<String, WritesVariables> types = new TreeMap<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type == null) {
                continue;
            }
            for (Method method : ClassUtils.getUserClass(type).getDeclaredMethods()) {
                JobWorker worker = method.getAnnotation(JobWorker.class);
                if (worker != null) {
                    WritesVariables writes = method.getAnnotation(WritesVariables.class);
                    if (writes == null) {
                        throw new IllegalStateException(method + " does not say which variables it writes (@WritesVariables)");
                    }
                    types.put(worker.type().isEmpty() ? method.getName() : worker.type(), writes);
                }
            }
        }
        return types;
    }

    /**
     * The variables each process has, by process id: what its shipped model reads (given at its start, by its
     * caller or a message) and what its steps write. A revision's expressions may read these and what its own steps
     * write; any other name is a typo.
     */
    public Map<String, Set<String>> catalogues() {
        Map<String, Set<String>> current = catalogues;
        if (current == null) {
            ModelCheck plain = new ModelCheck(workers());
            Map<String, Set<String>> found = new TreeMap<>();
            for (String name : models.names()) {
                found.putAll(plain.catalogue(models.shipped(name).xml()));
            }
            current = Map.copyOf(found);
            catalogues = current;
        }
        return current;
    }

    /** the catalogue of one shipped model's process */
    public Set<String> catalogue(String name) {
        return catalogues().getOrDefault(models.shipped(name).bpmnProcessId(), Set.of());
    }

    private ModelCheck modelCheck() {
        ModelCheck current = check;
        if (current == null) {
            current = new ModelCheck(workers(), advancing()).withCatalogues(catalogues());
            check = current;
        }
        return current;
    }
}
