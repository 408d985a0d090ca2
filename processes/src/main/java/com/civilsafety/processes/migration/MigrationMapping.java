package com.civilsafety.processes.migration;

import com.civilsafety.processes.ModelGraph;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The mapping proposed for moving running instances from one version of a model to the next: every element maps to
 * the element with the same id in the new version when it is the same kind of element. A timer whose definition
 * changed is left unmapped on purpose: the engine then cancels the armed timer and arms the new version's, so the
 * new definition takes effect (a mapped timer keeps its due date). An element the new version no longer has cannot
 * be mapped; an instance waiting there is refused by the engine and stays on its version.
 */
public final class MigrationMapping {
    public enum Action {
        /** Mapped to the element of the same id. */
        MAP,
        /** A timer whose definition changed: unmapped, so the engine arms it afresh from the new definition. */
        REARM,
        /** Not in the new version (or another kind of element there): instances waiting here cannot be migrated. */
        DROPPED,
        /** Only in the new version: nothing to map; a timer among them is armed on the instances waiting where it waits. */
        ADDED
    }

    public record Row(String elementId, String name, String type, Action action, String detail) {
    }

    private MigrationMapping() {
    }

    public static List<Row> propose(String sourceXml, String targetXml) {
        BpmnModelInstance source = ModelGraph.read(sourceXml);
        BpmnModelInstance target = ModelGraph.read(targetXml);
        List<Row> rows = new ArrayList<>(source.getModelElementsByType(FlowNode.class).stream()
                .sorted(Comparator.comparing(FlowNode::getId))
                .map(node -> row(node, target.getModelElementById(node.getId())))
                .toList());
        target.getModelElementsByType(FlowNode.class).stream()
                .filter(node -> !(source.getModelElementById(node.getId()) instanceof FlowNode))
                .sorted(Comparator.comparing(FlowNode::getId))
                .forEach(node -> rows.add(new Row(node.getId(), node.getName(), node.getElementType().getTypeName(), Action.ADDED,
                        timer(node) == null ? "新版本新增" : "新版本新增的计时：在其等待处的实例迁移后开始计时")));
        return rows;
    }

    private static Row row(FlowNode node, Object counterpart) {
        String type = node.getElementType().getTypeName();
        if (!(counterpart instanceof FlowNode other) || !other.getElementType().getTypeName().equals(type)) {
            return new Row(node.getId(), node.getName(), type, Action.DROPPED, "新版本中没有同一标识的同类元素");
        }
        String before = timer(node);
        String after = timer(other);
        if (!Objects.equals(before, after)) {
            return new Row(node.getId(), node.getName(), type, Action.REARM,
                    "计时方式已修改：迁移后按新版本重新计时（各实例的新日期见下方）");
        }
        return new Row(node.getId(), node.getName(), type, Action.MAP, null);
    }

    /** The timer's definition as written (date, duration or cycle), null for an element without a timer. */
    private static String timer(FlowNode node) {
        return node.getChildElementsByType(TimerEventDefinition.class).stream().findFirst().map(t ->
                t.getTimeDate() != null ? "时间 " + t.getTimeDate().getTextContent().strip()
                        : t.getTimeDuration() != null ? "时长 " + t.getTimeDuration().getTextContent().strip()
                        : t.getTimeCycle() != null ? "周期 " + t.getTimeCycle().getTextContent().strip() : "（空）")
                .orElse(null);
    }
}
