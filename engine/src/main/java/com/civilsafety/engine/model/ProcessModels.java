package com.civilsafety.engine.model;

import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.processmodel.ProcessModelRevision;
import com.civilsafety.ledger.processmodel.ProcessModelRevisions;
import com.civilsafety.processes.ModelGraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The process models of the platform by name ({@code campaign-phase} for {@code processes/campaign-phase.bpmn}):
 * the version each ships with (revision 1) and the current one — the latest revision deployed from the modeler, or
 * the shipped one when there is none.
 */
@Component
public class ProcessModels {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]{1,63}");

    public record Model(String name, String bpmnProcessId, int revision, String xml) {
        public String resourceName() {
            return name + ".bpmn";
        }
    }

    private final ProcessModelRevisions revisions;
    private final Map<String, Model> shipped = new TreeMap<>();
    private final Map<String, byte[]> decisions = new TreeMap<>();

    ProcessModels(ProcessModelRevisions revisions) throws IOException {
        this.revisions = revisions;
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Resource resource : resolver.getResources("classpath*:processes/*.bpmn")) {
            String name = resource.getFilename().replaceFirst("\\.bpmn$", "");
            String xml = resource.getContentAsString(StandardCharsets.UTF_8);
            shipped.put(name, new Model(name, new ModelGraph(xml).processId(), ProcessModelRevisions.SHIPPED, xml));
        }
        for (Resource resource : resolver.getResources("classpath*:processes/*.dmn")) {
            decisions.put(resource.getFilename(), resource.getContentAsByteArray());
        }
    }

    public Model shipped(String name) {
        Model model = NAME.matcher(name).matches() ? shipped.get(name) : null;
        if (model == null) {
            throw new NotFoundException("没有名为 " + name + " 的流程模型");
        }
        return model;
    }

    public Model current(String name) {
        Model model = shipped(name);
        return revisions.current(name).map(r -> of(model, r)).orElse(model);
    }

    /** A revision of a model: 1 is the shipped file, a later one as the modeler deployed it. */
    public Model revision(String name, int revision) {
        Model shippedModel = shipped(name);
        if (revision == ProcessModelRevisions.SHIPPED) {
            return shippedModel;
        }
        return revisions.history(name).stream().filter(r -> r.getRevision() == revision).findFirst()
                .map(r -> of(shippedModel, r))
                .orElseThrow(() -> new NotFoundException("流程模型 " + name + " 没有第 " + revision + " 版"));
    }

    public Iterable<String> names() {
        return shipped.keySet();
    }

    /** The name of the model that defines a process, by the process's id. */
    public String nameOf(String bpmnProcessId) {
        return shipped.values().stream().filter(m -> m.bpmnProcessId().equals(bpmnProcessId)).map(Model::name)
                .findFirst().orElseThrow(() -> new NotFoundException("没有流程 " + bpmnProcessId + " 的模型"));
    }

    /** The Chinese names of a model's elements (current revision), by element id. */
    public Map<String, String> elementNames(String name) {
        return new ModelGraph(current(name).xml()).elementNames();
    }

    /** The decision tables (DMN) the models call; shipped only, the modeler does not revise them. */
    Map<String, byte[]> decisions() {
        return decisions;
    }

    static Model of(Model shippedModel, ProcessModelRevision revision) {
        return new Model(shippedModel.name(), revision.getBpmnProcessId(), revision.getRevision(), revision.getBpmnXml());
    }
}
