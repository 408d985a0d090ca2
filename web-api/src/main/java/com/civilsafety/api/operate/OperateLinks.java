package com.civilsafety.api.operate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links into Operate (Camunda 8.8, part of the orchestration cluster's web app) from one configured address,
 * {@code civil-safety.operate.url} — Operate's own, e.g. {@code https://camunda.example/operate}. The routes are
 * Operate 8.8's: an instance at {@code /processes/{processInstanceKey}}, the instance list at {@code /processes} with
 * its URL filters ({@code process}, {@code version}, {@code flowNodeId}, {@code active}, {@code incidents},
 * {@code completed}, {@code canceled}). Every link is null when no address is configured (the embedded engine has no
 * Operate).
 */
@Component
public class OperateLinks {
    private final String base;

    public OperateLinks(@Value("${civil-safety.operate.url:}") String base) {
        String trimmed = base == null ? "" : base.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        this.base = trimmed.isEmpty() ? null : trimmed;
    }

    /** Operate's start page; null if none is configured */
    public String home() {
        return base;
    }

    /** one process instance: its diagram, variables, incidents and history */
    public String instance(long processInstanceKey) {
        return base == null ? null : base + "/processes/" + processInstanceKey;
    }

    /**
     * The running instances (with or without incidents) of a process, of one version if given, waiting at one element
     * if given: Operate's instance list with its filters set.
     */
    public String running(String bpmnProcessId, Integer version, String elementId) {
        if (base == null) {
            return null;
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("process", bpmnProcessId);
        if (version != null) {
            filters.put("version", version.toString());
        }
        if (elementId != null) {
            filters.put("flowNodeId", elementId);
        }
        filters.put("active", "true");
        filters.put("incidents", "true");
        return base + "/processes?" + filters.entrySet().stream()
                .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** a sentence pointing there, for messages: 「：https://…」, or nothing when none is configured */
    public String pointer(String link) {
        return link == null ? "" : "：" + link;
    }
}
