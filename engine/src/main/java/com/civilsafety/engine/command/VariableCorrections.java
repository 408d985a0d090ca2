package com.civilsafety.engine.command;

import com.civilsafety.engine.state.EngineInstances;
import com.civilsafety.engine.state.InstanceReference;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.eventlog.InstanceCorrections;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator corrects a variable of a running instance — the usual fix of an incident the engine raised for a
 * value it could not read — with a reason: recorded in the event chain in the same transaction, which is rolled back
 * if the engine refuses the change. Works in both engine modes (a gRPC command); the value before is known only on
 * the embedded engine (a cluster's Operate shows it).
 */
@Service
public class VariableCorrections {
    public record Correction(long processInstanceKey, String name, String before, String after) {
    }

    static final int MAX_VALUE = 4000;
    static final int MAX_REASON = 500;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final ProcessCommands commands;
    private final Optional<EngineInstances> engine;
    private final InstanceCorrections corrections;
    private final ObjectMapper json;

    VariableCorrections(ProcessCommands commands, Optional<EngineInstances> engine, InstanceCorrections corrections,
                        ObjectMapper json) {
        this.commands = commands;
        this.engine = engine;
        this.corrections = corrections;
        this.json = json;
    }

    /** {@code value}: the new value as JSON (text, number, yes/no, a list or an object; null clears it) */
    @Transactional
    public Correction correct(long processInstanceKey, String name, JsonNode value, String reason, Actor actor) {
        Map<String, String> wrong = new LinkedHashMap<>();
        if (name == null || !NAME.matcher(name).matches()) {
            wrong.put("name", "变量名只能由英文字母、数字和下划线组成，不以数字开头，最长 64 个字符");
        }
        String after = value == null || value.isMissingNode() ? null : write(value);
        if (after == null) {
            wrong.put("value", "请填写新的值");
        } else if (after.length() > MAX_VALUE) {
            wrong.put("value", "值太长：不超过 " + MAX_VALUE + " 个字符");
        } else if (value.isNumber() && !Double.isFinite(value.asDouble())) {
            wrong.put("value", "数字超出范围");
        }
        if (reason == null || reason.isBlank()) {
            wrong.put("reason", "请说明修改原因");
        } else if (reason.strip().length() > MAX_REASON) {
            wrong.put("reason", "修改原因不超过 " + MAX_REASON + " 个字");
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        if (InstanceReference.VARIABLES.contains(name)) {
            // what the instance is about: changed, the instance would lose its hazard, campaign or report for good
            throw new InvalidInputException("name", "变量「" + name + "」标明这个流程办理的是哪一条台账记录，不能修改");
        }
        String before = null;
        InstanceCorrections.Subject about = null;
        if (engine.isPresent()) {
            EngineInstances.RunningInstance instance = engine.get().instances(Set.of(processInstanceKey)).get(processInstanceKey);
            if (instance == null) {
                throw new NotFoundException("流程实例不存在或已经结束");
            }
            before = instance.variables().get(name);
            about = InstanceReference.of(instance.variables()).subject();
            JsonNode was = before == null ? null : read(before);
            if (was != null && !was.isNull() && value.isNull()) {
                throw new InvalidInputException("value", "变量「" + name + "」已有值，不能清空：清空会让用到它的环节出错，请填写正确的值");
            }
            String changed = was == null ? null : typeChange(was, value);
            if (changed != null) {
                throw new InvalidInputException("value", "变量「" + name + "」原来是" + changed + "：换成别的类型会让流程出错，请按原来的类型填写");
            }
            java.util.List<String> dropped = was == null || !was.isObject() ? java.util.List.of()
                    : iterable(was.fieldNames()).stream().filter(field -> !value.has(field)).toList();
            if (!dropped.isEmpty()) {
                throw new InvalidInputException("value", "变量「" + name + "」原有的项不能去掉：" + String.join("、", dropped));
            }
        }
        corrections.variableCorrected(processInstanceKey, about, name, before, after, reason.strip(), actor);
        // last: if the engine refuses, the record above is rolled back with the transaction
        if (!commands.setVariables(processInstanceKey, Collections.singletonMap(name, json.convertValue(value, Object.class)))) {
            throw new NotFoundException("流程实例不存在或已经结束");
        }
        return new Correction(processInstanceKey, name, before, after);
    }

    private static java.util.List<String> iterable(java.util.Iterator<String> names) {
        java.util.List<String> all = new java.util.ArrayList<>();
        names.forEachRemaining(all::add);
        return all;
    }

    /** what the variable was, if the new value is of another kind (a list given as text, say); null if the same */
    private static String typeChange(JsonNode before, JsonNode after) {
        if (before == null || before.isNull() || before.getNodeType() == after.getNodeType()) {
            return null;
        }
        return switch (before.getNodeType()) {
            case ARRAY -> "列表";
            case OBJECT -> "一组数据";
            case NUMBER -> "数字";
            case BOOLEAN -> "“是/否”";
            case STRING -> "文字";
            default -> "另一种类型";
        };
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException unreadable) {
            return null; // the engine's JSON reads back; if not, no type to keep
        }
    }

    private String write(JsonNode value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree read from JSON writes back
        }
    }
}
