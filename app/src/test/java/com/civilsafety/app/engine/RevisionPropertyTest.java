package com.civilsafety.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.engine.model.ProcessModelCheck;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.processes.check.ModelCheck;
import com.civilsafety.processes.ModelGraph;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.TimeDate;
import io.camunda.zeebe.model.bpmn.instance.TimeDuration;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnPlane;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The property the model check promises (issue 21): a revision of the phase model made by random edits — a flow
 * removed, a dated timer looping back, a variable renamed, a reminder moved, a wait inserted — is either refused by
 * the check the platform deploys with (its real workers' variables) or runs a phase to its end on an engine of its own,
 * the workers played as the ledger answers, without firing over and over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RevisionPropertyTest {
    private static final int EDITS = 40;
    /** far more steps than a phase with reminders 7 and 1 days before its end ever takes */
    private static final int MAX_JOBS = 60;
    private static final Pattern FLOW = Pattern.compile("<bpmn:sequenceFlow id=\"(Flow_\\d+)\"[^>]*/>");
    private static final List<String> LOOP_TARGETS = List.of("Gateway_Wait", "Task_RemindPhase", "Task_RereadPhaseDates", "Task_ClosePhase");

    static ZeebeTestEngine engine;
    static ZeebeClient client;
    static long daysPassed;

    @Autowired
    ProcessModelCheck check;

    @BeforeAll
    static void startEngine() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            engine = EngineFactory.create(free.getLocalPort());
        }
        engine.start();
        client = engine.createClient();
    }

    @AfterAll
    static void stopEngine() {
        client.close();
        engine.stop();
    }

    @Test
    void aRandomlyEditedPhaseModelIsRefusedOrRunsToItsEnd() throws Exception {
        String shipped = shipped();
        int refused = 0;
        int ran = 0;
        for (int seed = 0; seed < EDITS; seed++) {
            Random random = new Random(seed);
            String edit = switch (seed % 5) {
                case 0 -> "removeFlow";
                case 1 -> "timerLoop";
                case 2 -> "renameVariable";
                case 3 -> "shiftReminder";
                default -> "insertWait";
            };
            String edited = switch (edit) { // each kind every fifth seed; the loop's target in turn
                case "removeFlow" -> removeFlow(shipped, random);
                case "timerLoop" -> timerLoop(shipped, random, LOOP_TARGETS.get(seed / 5 % LOOP_TARGETS.size()));
                case "renameVariable" -> renameVariable(shipped, random);
                case "shiftReminder" -> shipped.replace("=date and time(remindAt)<", "=date and time(remindAt) + duration(\"PT"
                        + (1 + random.nextInt(12)) + "H\")<");
                default -> insertWait(shipped, random);
            };
            assertThat(edited).as("seed %d (%s) changed the model", seed, edit).isNotEqualTo(shipped);
            List<ModelCheck.Finding> findings = check.check("bpmnXml", edited);
            if (!findings.isEmpty()) {
                refused++;
                continue;
            }
            ran++;
            runsToItsEnd(edited, seed, edit);
        }
        assertThat(refused).as("some edits break the model").isGreaterThan(0);
        assertThat(ran).as("some edits keep it running").isGreaterThan(0);
    }

    /** deploys the revision, starts a phase and plays its workers, day by day, until it ends */
    private void runsToItsEnd(String xml, int seed, String edit) throws Exception {
        client.newDeployResourceCommand().addResourceStringUtf8(xml, "campaign-phase.bpmn").send().join();
        long instance = client.newCreateInstanceCommand().bpmnProcessId("CampaignPhase").latestVersion()
                .variables(Map.of("campaignId", seed, "ordinal", 1)).send().join().getProcessInstanceKey();
        Instant now = engineNow();
        LocalDate first = LocalDate.ofInstant(now, LedgerTime.ZONE).plusDays(1);
        Instant startsAt = first.atStartOfDay(LedgerTime.ZONE).toInstant();
        Instant endsAt = LedgerTime.endOf(first.plusDays(10));
        Set<String> types = jobTypes(xml);
        int jobs = 0;
        for (int day = 0; day < 60 && !ended(instance); ) {
            engine.waitForIdleState(Duration.ofSeconds(5));
            List<ActivatedJob> activated = new ArrayList<>();
            for (String type : types) {
                activated.addAll(client.newActivateJobsCommand().jobType(type).maxJobsToActivate(20).send().join().getJobs());
            }
            if (activated.isEmpty()) {
                engine.increaseTime(Duration.ofDays(1));
                daysPassed++;
                day++;
                continue;
            }
            for (ActivatedJob job : activated) {
                jobs++;
                client.newCompleteCommand(job).variables(answer(job.getType(), startsAt, endsAt)).send().join();
            }
            assertThat(jobs).as("seed %d (%s): the phase keeps firing", seed, edit).isLessThanOrEqualTo(MAX_JOBS);
        }
        assertThat(ended(instance)).as("seed %d (%s): the phase reaches its end", seed, edit).isTrue();
    }

    /** what the ledger answers each step of the phase (CampaignRun): its dates, the next reminder after now */
    private Map<String, Object> answer(String type, Instant startsAt, Instant endsAt) {
        return switch (type) {
            case "campaign.phase-dates" -> Map.of("startsAt", at(startsAt), "endsAt", at(endsAt), "remindAt", at(nextReminder(endsAt)),
                    "phaseKey", "1/1");
            case "campaign.remind-phase" -> Map.of("remindAt", at(nextReminder(endsAt)), "reminded", 1);
            case "campaign.open-phase" -> Map.of("opened", 3);
            case "campaign.close-phase" -> Map.of("late", 0);
            default -> Map.of();
        };
    }

    /** 09:00 seven days, then one day, before the end; after those, a moment after the end */
    private Instant nextReminder(Instant endsAt) {
        Instant now = engineNow();
        for (int before : new int[] {7, 1}) {
            Instant at = LedgerTime.at(LocalDate.ofInstant(endsAt, LedgerTime.ZONE).minusDays(before), LedgerTime.WORKDAY_START).toInstant();
            if (at.isAfter(now)) {
                return at;
            }
        }
        return endsAt.plus(Duration.ofDays(1));
    }

    private static String at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, LedgerTime.ZONE).toString();
    }

    /** the engine's clock: real time moved on by what the test added (increaseTime) */
    private Instant engineNow() {
        return Instant.now().plus(Duration.ofDays(daysPassed));
    }

    private boolean ended(long instance) {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .anyMatch(r -> r.getKey() == instance && r.getValue() instanceof ProcessInstanceRecordValue v
                        && v.getBpmnElementType() == BpmnElementType.PROCESS
                        && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED);
    }

    private static Set<String> jobTypes(String xml) {
        Set<String> types = new LinkedHashSet<>();
        Matcher m = Pattern.compile("taskDefinition[^>]*\\stype=\"([^\"]+)\"").matcher(xml);
        while (m.find()) {
            types.add(m.group(1));
        }
        return types;
    }

    // ---- the edits ----

    private static String removeFlow(String xml, Random random) {
        List<String> flows = new ArrayList<>();
        Matcher m = FLOW.matcher(xml);
        while (m.find()) {
            flows.add(m.group(1));
        }
        String flow = flows.get(random.nextInt(flows.size()));
        return xml.replaceAll("\\s*<bpmn:sequenceFlow id=\"" + flow + "\"[^>]*/>", "")
                .replaceAll("\\s*<bpmn:(incoming|outgoing)>" + flow + "</bpmn:(incoming|outgoing)>", "")
                .replaceAll("(?s)\\s*<bpmndi:BPMNEdge id=\"" + flow + "_di\".*?</bpmndi:BPMNEdge>", "");
    }

    /** 「阶段截止前 N 天」 after the wait for the end, led on to one of the phase's steps (some lead back to the wait) */
    private static String timerLoop(String xml, Random random, String target) {
        int days = 1 + random.nextInt(10);
        BpmnModelInstance model = ModelGraph.read(xml);
        TimerEventDefinition timer = model.newInstance(TimerEventDefinition.class);
        TimeDate date = model.newInstance(TimeDate.class);
        date.setTextContent("=date and time(date(date and time(endsAt)) - duration(\"P" + days + "D\"), time(\"09:00:00+08:00\"))");
        timer.setTimeDate(date);
        added(model, "Gateway_AwaitEnd", target, "阶段截止前" + days + "天", timer);
        return Bpmn.convertToString(model);
    }

    /** 「等待 N 天」 put into one of the phase's flows */
    private static String insertWait(String xml, Random random) {
        String[][] flows = {{"Flow_6", "Event_PhaseStarts", "Task_OpenPhase"}, {"Flow_17", "Event_PhaseEnds", "Task_ClosePhase"},
                {"Flow_14", "Task_RemindPhase", "Gateway_Wait"}};
        String[] flow = flows[random.nextInt(flows.length)];
        BpmnModelInstance model = ModelGraph.read(xml);
        SequenceFlow removed = model.getModelElementById(flow[0]);
        BpmnEdge edge = removed.getDiagramElement();
        edge.getParentElement().removeChildElement(edge);
        removed.getSource().getOutgoing().remove(removed);
        removed.getTarget().getIncoming().remove(removed);
        removed.getParentElement().removeChildElement(removed);
        int days = 1 + random.nextInt(3);
        TimerEventDefinition timer = model.newInstance(TimerEventDefinition.class);
        TimeDuration duration = model.newInstance(TimeDuration.class);
        duration.setTextContent("P" + days + "D");
        timer.setTimeDuration(duration);
        added(model, flow[1], flow[2], "等待" + days + "天", timer);
        return Bpmn.convertToString(model);
    }

    /** one variable of the phase's timers misspelt in one place */
    private static String renameVariable(String xml, Random random) {
        String[] names = {"startsAt", "endsAt", "remindAt"};
        String name = names[random.nextInt(names.length)];
        return xml.replaceFirst("=date and time\\(" + name + "\\)", "=date and time(" + name.substring(0, name.length() - 3) + "At)");
    }

    /** a timer event added between {@code from} and {@code to}, with its flows and its shapes, as the modeler would */
    private static void added(BpmnModelInstance model, String from, String to, String name, TimerEventDefinition timer) {
        FlowNode source = model.getModelElementById(from);
        FlowNode target = model.getModelElementById(to);
        Process process = model.getModelElementById("CampaignPhase");
        IntermediateCatchEvent event = model.newInstance(IntermediateCatchEvent.class);
        event.setId("Event_Added1");
        event.setName(name);
        process.addChildElement(event);
        event.getEventDefinitions().add(timer);
        SequenceFlow in = flow(model, process, "Flow_Added1", source, event);
        SequenceFlow out = flow(model, process, "Flow_Added2", event, target);
        BpmnPlane plane = model.getModelElementsByType(BpmnPlane.class).iterator().next();
        BpmnShape shape = model.newInstance(BpmnShape.class);
        shape.setId("Event_Added1_di");
        shape.setBpmnElement(event);
        Bounds bounds = model.newInstance(Bounds.class);
        bounds.setX(1500);
        bounds.setY(800);
        bounds.setWidth(36);
        bounds.setHeight(36);
        shape.setBounds(bounds);
        plane.addChildElement(shape);
        for (SequenceFlow flow : List.of(in, out)) {
            BpmnEdge edge = model.newInstance(BpmnEdge.class);
            edge.setId(flow.getId() + "_di");
            edge.setBpmnElement(flow);
            for (int i = 0; i < 2; i++) {
                Waypoint point = model.newInstance(Waypoint.class);
                point.setX(1500 + 20 * i);
                point.setY(818);
                edge.getWaypoints().add(point);
            }
            plane.addChildElement(edge);
        }
    }

    private static SequenceFlow flow(BpmnModelInstance model, Process process, String id, FlowNode from, FlowNode to) {
        SequenceFlow flow = model.newInstance(SequenceFlow.class);
        flow.setId(id);
        process.addChildElement(flow);
        flow.setSource(from);
        flow.setTarget(to);
        from.getOutgoing().add(flow);
        to.getIncoming().add(flow);
        return flow;
    }

    private static String shipped() throws IOException {
        try (InputStream in = RevisionPropertyTest.class.getResourceAsStream("/processes/campaign-phase.bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
