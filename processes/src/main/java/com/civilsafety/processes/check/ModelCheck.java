package com.civilsafety.processes.check;

import com.civilsafety.processes.ModelGraph;
import com.civilsafety.processes.ProcessMessages;
import com.civilsafety.processes.ShippedModels;
import io.camunda.zeebe.el.Expression;
import io.camunda.zeebe.el.ExpressionLanguage;
import io.camunda.zeebe.el.ExpressionLanguageFactory;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.AdHocSubProcess;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import io.camunda.zeebe.model.bpmn.util.time.Interval;
import io.camunda.zeebe.model.bpmn.util.time.RepeatingInterval;
import io.camunda.zeebe.model.bpmn.util.time.TimeDateTimer;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.transform.dom.DOMSource;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.feel.FeelEngineClock;
import org.springframework.scheduling.support.CronExpression;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks a BPMN model before it is deployed: that Zeebe can read it (its own design-time validation), our
 * conventions (readable element ids, the Chinese names people know, a shape for every element), that every timer's
 * expression parses, that every job type has a worker, that the platform can run it (no Camunda user tasks, only
 * messages it publishes, only decisions it deploys), that every FEEL expression parses, and that nothing waits without a deadline — a wait for a
 * person or a message must have a timer that ends or escalates it. Each finding names the element, so the modeler
 * can mark it on the diagram.
 */
public final class ModelCheck {
    private static final Pattern READABLE_ID = Pattern.compile("(StartEvent|EndEvent|Event|Task|Gateway|SubProcess)_[A-Z][A-Za-z]+[0-9]*");
    private static final Pattern CHINESE = Pattern.compile(".*\\p{IsHan}.*");
    /** checked as timer values, with Zeebe's timer parsers */
    private static final Set<String> TIMER_VALUES = Set.of("timeDate", "timeDuration", "timeCycle");
    /** where Zeebe reads FEEL: attributes by element (an "=" value is an expression there, elsewhere a string) */
    private static final Map<String, Set<String>> FEEL_ATTRIBUTES = Map.of(
            "input", Set.of("source"), "output", Set.of("source"), "subscription", Set.of("correlationKey"),
            "loopCharacteristics", Set.of("inputCollection", "outputElement"), "calledElement", Set.of("processId"),
            "calledDecision", Set.of("decisionId"), "script", Set.of("expression"),
            "taskDefinition", Set.of("type", "retries"), "executionListener", Set.of("type", "retries"),
            "message", Set.of("name"));
    /** and element texts */
    private static final Set<String> FEEL_TEXT = Set.of("conditionExpression", "completionCondition");
    /** what Zeebe gives every multi-instance element's inner scope */
    private static final Set<String> MULTI_INSTANCE_VARIABLES = Set.of("loopCounter", "numberOfInstances",
            "numberOfActiveInstances", "numberOfCompletedInstances", "numberOfTerminatedInstances");
    private static final FeelEngineClock CLOCK = () -> ZonedDateTime.now(ZoneOffset.UTC);

    /** One problem; {@code elementId} is null when it concerns the whole document. */
    public record Finding(String elementId, String rule, String message) {
    }

    private final ExpressionLanguage feel = ExpressionLanguageFactory.createExpressionLanguage(CLOCK);
    private final Set<String> jobTypes;
    /** the variables each job type answers with; a type not here may write any */
    private final Map<String, Set<String>> writes;
    /**
     * of those, the dates each job type's answer always moves past the moment it runs (a reminder step answering the
     * next reminder); a type not here moves every date it writes. A step that only reads a date again (the phase's
     * dates, unchanged unless rescheduled) does not let a timer on a loop through it wait: it would fire again at once.
     */
    private final Map<String, Set<String>> advances;

    /** each process's variables, by process id ({@link #catalogue}); a process not here is not held to one */
    private final Map<String, Set<String>> catalogues;

    /** @param jobTypes the job types workers serve; every service task's type must be one of them */
    public ModelCheck(Set<String> jobTypes) {
        this(jobTypes, Map.of(), Map.of(), Map.of());
    }

    /** @param writes the job types workers serve, each with the variables it answers with */
    public ModelCheck(Map<String, Set<String>> writes) {
        this(writes.keySet(), writes, Map.of(), Map.of());
    }

    /**
     * @param writes   the job types workers serve, each with the variables it answers with
     * @param advances of those, the dates each answers with a later one than it had (see {@link #advances})
     */
    public ModelCheck(Map<String, Set<String>> writes, Map<String, Set<String>> advances) {
        this(writes.keySet(), writes, advances, Map.of());
    }

    private ModelCheck(Set<String> jobTypes, Map<String, Set<String>> writes, Map<String, Set<String>> advances,
                       Map<String, Set<String>> catalogues) {
        this.jobTypes = Set.copyOf(jobTypes);
        this.writes = Map.copyOf(writes);
        this.advances = Map.copyOf(advances);
        this.catalogues = Map.copyOf(catalogues);
    }

    public List<Finding> check(String xml) {
        BpmnModelInstance model;
        try {
            model = ModelGraph.read(xml);
        } catch (RuntimeException e) {
            String why = rootMessage(e);
            return List.of(new Finding(null, "parse", why != null && why.contains("DOCTYPE")
                    ? "无法读取 BPMN 文件：文件不能含 DOCTYPE 声明（外部实体）" : "无法读取 BPMN 文件：" + why));
        }
        List<Finding> findings = new ArrayList<>();
        model.validate(ZeebeDesignTimeValidators.VALIDATORS).getResults().forEach((element, results) -> results.stream()
                .filter(r -> r.getType() == ValidationResultType.ERROR)
                .forEach(r -> findings.add(new Finding(idOf(element), "zeebe", r.getMessage()))));
        conventions(model, findings);
        timers(model, findings);
        jobTypes(model, findings);
        runnable(model, findings);
        expressions(model, findings);
        deadlines(model, findings);
        paths(model, findings);
        timerLoops(model, findings);
        findings.sort(Comparator.comparing((Finding f) -> f.elementId() == null ? "" : f.elementId())
                .thenComparing(Finding::rule));
        return findings;
    }

    private void conventions(BpmnModelInstance model, List<Finding> findings) {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (node.getId() == null || !READABLE_ID.matcher(node.getId()).matches()) {
                findings.add(new Finding(node.getId(), "id", "元素编号应可读，如 Task_VerifyOnSite（类型_英文含义）"));
            }
            boolean joinOnly = node instanceof Gateway && node.getOutgoing().size() == 1;
            if (!joinOnly && (node.getName() == null || !CHINESE.matcher(node.getName()).matches())) {
                findings.add(new Finding(node.getId(), "name", "元素需要用户熟悉的中文名称"));
            }
            if (node.getDiagramElement() == null) {
                findings.add(new Finding(node.getId(), "shape", "元素在图中没有图形"));
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getDiagramElement() == null) {
                findings.add(new Finding(flow.getId(), "shape", "连线在图中没有图形"));
            }
        }
    }

    private void timers(BpmnModelInstance model, List<Finding> findings) {
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            String owner = idOf(timer.getParentElement());
            if (timer.getTimeDate() != null) {
                int before = findings.size();
                timer(owner, timer.getTimeDate().getTextContent(), "timeDate", findings);
                String value = timer.getTimeDate().getTextContent();
                if (findings.size() == before && value != null && !value.strip().startsWith("=")) { // a valid literal date
                    // every model here runs once per hazard, campaign or phase: one fixed date would be everyone's
                    findings.add(new Finding(owner, "fixed-date", "定时器使用了固定日期「" + value.strip() + "」：本流程用于每一个行动（或隐患），"
                            + "固定日期会让所有行动的所有阶段在同一时刻触发。请用流程中的日期（如 阶段结束前N天），行动的日期在「调整日期」中修改"));
                }
            } else if (timer.getTimeDuration() != null) {
                timer(owner, timer.getTimeDuration().getTextContent(), "timeDuration", findings);
            } else if (timer.getTimeCycle() != null) {
                timer(owner, timer.getTimeCycle().getTextContent(), "timeCycle", findings);
            } else {
                findings.add(new Finding(owner, "timer", "定时器没有设置时间（日期、时长或周期）"));
            }
        }
    }

    private void timer(String owner, String text, String kind, List<Finding> findings) {
        String value = text == null ? "" : text.strip();
        if (value.startsWith("=")) {
            Expression expression = feel.parseExpression(value);
            if (!expression.isValid()) {
                findings.add(new Finding(owner, "timer", "定时器表达式无法解析：" + expression.getFailureMessage()));
            }
            return;
        }
        try {
            // Zeebe's own parsers, as its engine reads timers: zoned date-times, P1MT2H, R/… and cron cycles
            switch (kind) {
                case "timeDate" -> TimeDateTimer.parse(value);
                case "timeDuration" -> Interval.parse(value);
                default -> {
                    if (value.startsWith("R")) {
                        RepeatingInterval.parse(value);
                    } else {
                        CronExpression.parse(value);
                    }
                }
            }
        } catch (RuntimeException e) {
            String expected = switch (kind) {
                case "timeDate" -> "日期时间，如 2027-06-30T17:00:00+08:00";
                case "timeDuration" -> "时长，如 P7D、PT4H 或 P1MT2H";
                default -> "周期，如 R3/P1D，或 cron 表达式如 0 0 9 * * MON-FRI";
            };
            findings.add(new Finding(owner, "timer", "定时器的值「" + value + "」不是有效的" + expected));
        }
    }

    private void jobTypes(BpmnModelInstance model, List<Finding> findings) {
        for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
            String type = definition.getType();
            if (type != null && !type.startsWith("=") && !jobTypes.contains(type)) {
                ModelElementInstance task = definition.getParentElement().getParentElement();
                findings.add(new Finding(idOf(task), "job-type", "任务类型「" + type + "」没有对应的处理程序"));
            }
        }
        for (ZeebeExecutionListener listener : model.getModelElementsByType(ZeebeExecutionListener.class)) {
            String type = listener.getType();
            if (type != null && !type.startsWith("=") && !jobTypes.contains(type)) {
                findings.add(new Finding(idOf(listener), "job-type", "监听器的任务类型「" + type + "」没有对应的处理程序，流程会停在这里"));
            }
        }
    }

    /**
     * What the platform cannot run: Camunda user tasks (its people work in the platform's inbox, behind a receive
     * task), waits for messages it never publishes, decisions it does not deploy.
     */
    private static void runnable(BpmnModelInstance model, List<Finding> findings) {
        for (Process process : model.getModelElementsByType(Process.class)) {
            List<StartEvent> starts = process.getChildElementsByType(StartEvent.class).stream().toList();
            for (StartEvent start : starts) {
                if (!start.getEventDefinitions().isEmpty()) {
                    findings.add(new Finding(start.getId(), "start", "平台用普通开始事件启动本流程；消息、定时或信号开始事件会在平台之外"
                            + "另行启动实例（例如每办结一项待办就启动一个），请改为普通开始事件"));
                }
            }
            if (starts.stream().noneMatch(start -> start.getEventDefinitions().isEmpty())) {
                findings.add(new Finding(process.getId(), "start", "流程没有普通开始事件，平台无法启动它"));
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            findings.add(new Finding(task.getId(), "user-task", "平台不支持 Camunda 用户任务：人工环节在平台的待办中办理，"
                    + "请用「等待…」接收任务（可从模板选择）"));
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            Message message = node instanceof ReceiveTask receive ? receive.getMessage()
                    : node instanceof IntermediateThrowEvent || node instanceof EndEvent ? null
                    : eventDefinitions(node).stream().filter(MessageEventDefinition.class::isInstance)
                            .map(d -> ((MessageEventDefinition) d).getMessage()).findFirst().orElse(null);
            String name = message == null ? null : message.getName();
            if (name != null && !name.startsWith("=") && !ProcessMessages.PUBLISHED.contains(name)) {
                findings.add(new Finding(node.getId(), "message", "平台不会发送消息「" + name + "」，流程会一直等在这里；"
                        + "可等待的消息：" + String.join("、", new TreeSet<>(ProcessMessages.PUBLISHED))));
            }
        }
        for (ZeebeCalledDecision decision : model.getModelElementsByType(ZeebeCalledDecision.class)) {
            String id = decision.getDecisionId();
            if (id != null && !id.startsWith("=") && !ShippedModels.decisionIds().contains(id)) {
                findings.add(new Finding(idOf(decision), "decision", "决策「" + id + "」未部署在平台上；可用的决策："
                        + String.join("、", ShippedModels.decisionIds())));
            }
        }
        for (ZeebeCalledElement called : model.getModelElementsByType(ZeebeCalledElement.class)) {
            String id = called.getProcessId();
            if (id != null && !id.startsWith("=") && !ShippedModels.processIds().contains(id)) {
                findings.add(new Finding(idOf(called), "call", "子流程「" + id + "」不是平台的流程，调用时会出错；可调用的流程："
                        + String.join("、", new TreeSet<>(ShippedModels.processIds()))));
            }
        }
    }

    /** a FEEL expression in the document: where it is, in which process, whether it is a timer's value */
    private record Feel(String processId, Node at, String text, boolean timer) {
    }

    /**
     * Every FEEL expression parses (conditions, mappings, correlation keys, …: any value that starts with "="), as
     * the engine would parse it when the token arrives — too late to fix (timers are parsed with their values); and
     * reads only variables its process has: those of the process's catalogue (what its shipped model reads and
     * writes) and those this revision's steps write. A name that is neither is a typo the engine would meet as null.
     */
    private void expressions(BpmnModelInstance model, List<Finding> findings) {
        Node root = ((DOMSource) model.getDocument().getDomSource()).getNode();
        Map<String, Set<String>> written = new HashMap<>();
        List<Feel> all = new ArrayList<>();
        List<Node> headerValues = new ArrayList<>();
        read(root, written, all, headerValues);
        for (Node header : headerValues) {
            findings.add(new Finding(domIdOf(header), "header", "任务头「" + ((Element) header).getAttribute("key") + "」的值「"
                    + ((Element) header).getAttribute("value") + "」不会按表达式计算，处理程序收到的就是这段文字"));
        }
        for (Feel expression : all) {
            if (!expression.timer()) {
                Expression parsed = feel.parseExpression(expression.text());
                if (!parsed.isValid()) {
                    findings.add(new Finding(domIdOf(expression.at()), "feel", "表达式「" + expression.text() + "」无法解析："
                            + parsed.getFailureMessage()));
                    continue;
                }
            }
            Set<String> known = catalogues.get(expression.processId());
            if (known == null) {
                continue; // a process the platform does not ship: no catalogue to hold it to
            }
            for (String name : FeelNames.variablesOf(expression.text())) {
                if (!known.contains(name) && !written.getOrDefault(expression.processId(), Set.of()).contains(name)) {
                    findings.add(new Finding(domIdOf(expression.at()), "feel-variable", "表达式「" + expression.text() + "」中的「"
                            + name + "」不是本流程的变量，运行时会是空值" + nearest(name, known)));
                }
            }
        }
    }

    /**
     * The variables a model has, per process: those its expressions read (given at its start, by its caller or a
     * message) and those its steps write — the catalogue a revision of it is held to.
     */
    public Map<String, Set<String>> catalogue(String xml) {
        Map<String, Set<String>> written = new HashMap<>();
        List<Feel> all = new ArrayList<>();
        read(((DOMSource) ModelGraph.read(xml).getDocument().getDomSource()).getNode(), written, all);
        Map<String, Set<String>> catalogue = new TreeMap<>();
        written.forEach((process, names) -> catalogue.computeIfAbsent(process, p -> new TreeSet<>()).addAll(names));
        all.forEach(e -> catalogue.computeIfAbsent(e.processId(), p -> new TreeSet<>()).addAll(FeelNames.variablesOf(e.text())));
        return catalogue;
    }

    /** The same check, holding each process (by id) to its variable catalogue. */
    public ModelCheck withCatalogues(Map<String, Set<String>> catalogues) {
        return new ModelCheck(jobTypes, writes, advances, catalogues);
    }

    /** the FEEL expressions of a document, and the variables its steps write, by process */
    private void read(Node root, Map<String, Set<String>> written, List<Feel> expressions) {
        read(root, written, expressions, new ArrayList<>());
    }

    /** as above, and the task headers whose value looks like an expression (Zeebe passes headers as written) */
    private void read(Node root, Map<String, Set<String>> written, List<Feel> expressions, List<Node> headerValues) {
        NodeList processes = ((org.w3c.dom.Document) root).getElementsByTagNameNS("*", "process");
        // what stands outside the process (a message's correlation key) is read by the one process there is
        String only = processes.getLength() == 1 ? ((Element) processes.item(0)).getAttribute("id") : null;
        Deque<Node> next = new ArrayDeque<>(List.of(root));
        while (!next.isEmpty()) {
            Node node = next.pop();
            NodeList children = node.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                next.push(children.item(i));
            }
            if (node.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            String process = processOf(node, only);
            if (process == null) {
                continue; // a collaboration's or the diagram's
            }
            Set<String> writesHere = written.computeIfAbsent(process, p -> new TreeSet<>());
            Element element = (Element) node;
            switch (node.getLocalName()) {
                case "input", "output" -> writesHere.add(element.getAttribute("target").split("\\.")[0]);
                case "calledDecision", "script" -> writesHere.add(element.getAttribute("resultVariable"));
                case "loopCharacteristics" -> {
                    writesHere.add(element.getAttribute("inputElement"));
                    writesHere.add(element.getAttribute("outputCollection"));
                    writesHere.addAll(MULTI_INSTANCE_VARIABLES);
                }
                case "taskDefinition" -> writesHere.addAll(writes.getOrDefault(element.getAttribute("type"), Set.of()));
                default -> {
                }
            }
            writesHere.remove("");
            boolean timer = TIMER_VALUES.contains(node.getLocalName());
            Set<String> feelAttributes = FEEL_ATTRIBUTES.getOrDefault(node.getLocalName(), Set.of());
            for (String attribute : feelAttributes) {
                feel(process, node, element.getAttribute(attribute), false, expressions);
            }
            if (timer || FEEL_TEXT.contains(node.getLocalName())) {
                feel(process, node, node.getTextContent(), timer, expressions);
            }
            if ("header".equals(node.getLocalName()) && element.getAttribute("value").strip().startsWith("=")) {
                headerValues.add(node);
            }
        }
    }

    private static void feel(String process, Node at, String value, boolean timer, List<Feel> expressions) {
        String text = value == null ? "" : value.strip();
        if (text.startsWith("=")) {
            expressions.add(new Feel(process, at, text, timer));
        }
    }

    /** the id of the process an element belongs to ({@code outside} if it stands outside any) */
    private static String processOf(Node node, String outside) {
        for (Node n = node; n != null && n.getNodeType() == Node.ELEMENT_NODE; n = n.getParentNode()) {
            if ("process".equals(n.getLocalName())) {
                return ((Element) n).getAttribute("id");
            }
        }
        return outside;
    }

    /** "did you mean": the known name closest to a misspelt one, if it is close */
    private static String nearest(String name, Set<String> known) {
        return known.stream().min(Comparator.comparingInt(k -> distance(name.toLowerCase(), k.toLowerCase())))
                .filter(k -> distance(name.toLowerCase(), k.toLowerCase()) <= Math.max(2, name.length() / 3))
                .map(k -> "；是否应为「" + k + "」？").orElse("");
    }

    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    /** the id of the nearest element that has one, from the document itself */
    private static String domIdOf(Node node) {
        for (Node n = node; n != null && n.getNodeType() == Node.ELEMENT_NODE; n = n.getParentNode()) {
            String id = ((Element) n).getAttribute("id");
            if (!id.isEmpty()) {
                return id;
            }
        }
        return null;
    }

    /** A wait for a person or a message needs a timer: on its boundary, or beside it after an event-based gateway. */
    private void deadlines(BpmnModelInstance model, List<Finding> findings) {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            boolean waits = node instanceof ReceiveTask || node instanceof UserTask
                    || (node instanceof IntermediateCatchEvent catchEvent
                    && !catchEvent.getEventDefinitions().isEmpty()
                    && catchEvent.getEventDefinitions().iterator().next() instanceof MessageEventDefinition);
            if (!waits) {
                continue;
            }
            boolean timed = node instanceof IntermediateCatchEvent
                    ? node.getIncoming().stream().map(SequenceFlow::getSource)
                            .anyMatch(source -> source instanceof EventBasedGateway gateway && gateway.getOutgoing().stream()
                                    .map(SequenceFlow::getTarget).anyMatch(ModelCheck::isTimer))
                    : model.getModelElementsByType(BoundaryEvent.class).stream()
                            .anyMatch(b -> b.getAttachedTo() == node && isTimer(b));
            if (!timed) {
                findings.add(new Finding(node.getId(), "deadline", "等待环节没有期限：请加一个定时器（到期提醒、升级或结束等待）"));
            }
        }
    }

    /**
     * Every path reaches an end: a node with no way out (other than an end event) would stop its instance there or
     * end its scope unseen — a timer left unconnected ends a phase while its work is still open — and a node with no
     * way in never runs.
     */
    private static void paths(BpmnModelInstance model, List<Finding> findings) {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (outsideSequenceFlows(node)) {
                continue;
            }
            String name = node.getName() == null ? node.getId() : node.getName();
            if (!(node instanceof EndEvent) && node.getOutgoing().isEmpty()) {
                findings.add(new Finding(node.getId(), "dead-end",
                        "「" + name + "」之后没有连线：流程会停在这里或提前结束，请把它连到下一步或结束事件"));
            }
            if (!(node instanceof StartEvent) && !(node instanceof BoundaryEvent) && node.getIncoming().isEmpty()) {
                findings.add(new Finding(node.getId(), "unreachable", "「" + name + "」没有连入的连线，永远不会执行"));
            }
        }
    }

    /**
     * Nodes that BPMN starts or continues other than by a sequence flow: an event subprocess (its start event's
     * trigger), what compensation runs (associations), link events (a jump), the children of an ad-hoc subprocess.
     */
    private static boolean outsideSequenceFlows(FlowNode node) {
        if (node instanceof SubProcess sub && sub.triggeredByEvent() || node instanceof Activity activity && activity.isForCompensation()
                || node.getParentElement() instanceof AdHocSubProcess) {
            return true;
        }
        return eventDefinitions(node).stream().anyMatch(d -> d instanceof LinkEventDefinition || d instanceof CompensateEventDefinition);
    }

    /**
     * A timer on a loop fires again each time the loop comes back to it: at once, for ever, if its date is one the
     * loop never changes (a reminder "three days before the end" led back to the wait re-fired three times a second).
     * Every way from a dated timer back to itself must pass a step that moves a variable of its date on — writes it,
     * and for a worker, answers with a later date than it had (reading the same date again is no help).
     */
    private void timerLoops(BpmnModelInstance model, List<Finding> findings) {
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            if (timer.getTimeDate() == null || !(timer.getParentElement() instanceof FlowNode node)) {
                continue;
            }
            String date = timer.getTimeDate().getTextContent();
            if (date != null && (date.contains("now(") || date.contains("today("))) {
                continue; // a date from the moment it is armed moves on with every pass
            }
            Set<String> dateVariables = FeelNames.variablesOf(date);
            // a boundary timer is armed as its activity starts, before anything inside it could set the date
            FlowNode attachedTo = node instanceof BoundaryEvent boundary ? boundary.getAttachedTo() : null;
            Set<FlowNode> seen = new HashSet<>();
            Deque<FlowNode> next = new ArrayDeque<>(successors(node));
            boolean loops = false;
            while (!next.isEmpty() && !loops) {
                FlowNode at = next.pop();
                if (at == node) {
                    loops = true;
                } else if (seen.add(at) && (at == attachedTo || !movesOn(at, dateVariables))) {
                    next.addAll(successors(at));
                }
            }
            if (loops) {
                String name = node.getName() == null ? node.getId() : node.getName();
                findings.add(new Finding(node.getId(), "timer-loop", "「" + name + "」所在的循环不会更新它的日期：回到这里时日期已过，会立刻再次触发、"
                        + "不停重复（例如每秒提醒一次）。请不要连回等待环节，或让循环中的步骤给出新的日期。行动阶段要在截止前多提醒一次："
                        + "选中「提醒日」，在属性面板「模板」中选择「提醒日：截止前 N 天加一次提醒」"));
            }
        }
    }

    /** where a token goes from here: its flows, and the boundary events of an activity it waits in */
    private static List<FlowNode> successors(FlowNode node) {
        List<FlowNode> next = new ArrayList<>(node.getOutgoing().stream().map(SequenceFlow::getTarget).toList());
        node.getModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
                .filter(b -> b.getAttachedTo() == node).forEach(next::add);
        return next;
    }

    /** whether passing this node may move one of these dates on (a step it does not know may move any) */
    private boolean movesOn(FlowNode node, Set<String> variables) {
        if (node instanceof SubProcess) {
            return true; // what happens inside is not followed: assume the date may be set there
        }
        ZeebeIoMapping io = node.getSingleExtensionElement(ZeebeIoMapping.class);
        boolean mapped = io != null && !io.getOutputs().isEmpty();
        if (mapped && io.getOutputs().stream().anyMatch(o -> variables.contains(o.getTarget().split("\\.")[0]))) {
            return true;
        }
        if (node instanceof CallActivity) {
            ZeebeCalledElement called = node.getSingleExtensionElement(ZeebeCalledElement.class);
            return !mapped && (called == null || called.isPropagateAllChildVariablesEnabled());
        }
        ZeebeCalledDecision decision = node.getSingleExtensionElement(ZeebeCalledDecision.class);
        ZeebeScript script = node.getSingleExtensionElement(ZeebeScript.class);
        String result = decision != null ? decision.getResultVariable() : script != null ? script.getResultVariable() : null;
        if (result != null) {
            return !mapped && variables.contains(result);
        }
        ZeebeTaskDefinition job = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
        if (job == null) {
            return false;
        }
        Set<String> written = writes.get(job.getType());
        Set<String> moved = advances.getOrDefault(job.getType(), written);
        return written == null || !mapped && moved.stream().anyMatch(variables::contains);
    }

    /** what an event node waits for or throws (a timer, a message, a link …); nothing for other nodes */
    private static Collection<EventDefinition> eventDefinitions(FlowNode node) {
        return node instanceof BoundaryEvent b ? b.getEventDefinitions()
                : node instanceof IntermediateCatchEvent c ? c.getEventDefinitions()
                : node instanceof IntermediateThrowEvent t ? t.getEventDefinitions() : List.of();
    }

    private static boolean isTimer(FlowNode node) {
        return eventDefinitions(node).stream().anyMatch(d -> d instanceof TimerEventDefinition);
    }

    private static String idOf(ModelElementInstance element) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            String id = e.getAttributeValue("id");
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
