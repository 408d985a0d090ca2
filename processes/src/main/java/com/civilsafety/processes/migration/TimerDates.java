package com.civilsafety.processes.migration;

import com.civilsafety.processes.ModelGraph;
import io.camunda.zeebe.el.EvaluationContext;
import io.camunda.zeebe.el.EvaluationResult;
import io.camunda.zeebe.el.Expression;
import io.camunda.zeebe.el.ExpressionLanguage;
import io.camunda.zeebe.el.ExpressionLanguageFactory;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.util.time.Interval;
import io.camunda.zeebe.model.bpmn.util.time.TimeDateTimer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The timers of a model as the engine would arm them, for the migration preview: which timers wait on an element
 * (its boundary timers; after an event-based gateway, the timer events it waits for) and when each would fire if armed
 * now with an instance's variables — the definition evaluated with Zeebe's own FEEL and timer parsers.
 */
public final class TimerDates {
    /** A timer of the model waiting on an element, with its definition as written. */
    public record Timer(String elementId, String name, String date, String duration, String cycle) {
    }

    private final BpmnModelInstance model;
    private final ExpressionLanguage feel;

    public TimerDates(String xml, Clock clock) {
        this.model = ModelGraph.read(xml);
        this.feel = ExpressionLanguageFactory.createExpressionLanguage(() -> ZonedDateTime.now(clock));
    }

    /** The timers armed while a token waits at {@code elementId}; none for an element the model does not have. */
    public List<Timer> waitingOn(String elementId) {
        List<Timer> timers = new ArrayList<>();
        if (!(model.getModelElementById(elementId) instanceof FlowNode node)) {
            return timers;
        }
        for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
            if (boundary.getAttachedTo() == node) {
                timer(boundary).ifPresent(timers::add);
            }
        }
        if (node instanceof IntermediateCatchEvent) {
            timer(node).ifPresent(timers::add);
        }
        if (node instanceof EventBasedGateway) {
            for (SequenceFlow out : node.getOutgoing()) {
                timer(out.getTarget()).ifPresent(timers::add);
            }
        }
        return timers;
    }

    /**
     * When a timer armed at {@code now} with these variables fires; empty when that cannot be known beforehand (a
     * cycle, an expression failing for want of a variable).
     */
    public Optional<Instant> dueAt(Timer timer, EvaluationContext variables, Instant now) {
        try {
            if (timer.date() != null) {
                return evaluate(timer.date(), variables).map(r -> switch (r.getType()) {
                    case DATE_TIME -> r.getDateTime().toInstant();
                    case STRING -> Instant.ofEpochMilli(TimeDateTimer.parse(r.getString()).getDueDate(now.toEpochMilli()));
                    default -> null;
                });
            }
            if (timer.duration() != null) {
                return evaluate(timer.duration(), variables).map(r -> switch (r.getType()) {
                    case DURATION -> now.plus(r.getDuration());
                    case PERIOD -> Instant.ofEpochMilli(new Interval(r.getPeriod()).toEpochMilli(now.toEpochMilli()));
                    case STRING -> Instant.ofEpochMilli(Interval.parse(r.getString()).toEpochMilli(now.toEpochMilli()));
                    default -> null;
                });
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // a value the engine would refuse: the check stops such a model before it deploys
        }
        return Optional.empty();
    }

    private Optional<EvaluationResult> evaluate(String definition, EvaluationContext variables) {
        Expression expression = feel.parseExpression(definition);
        if (!expression.isValid()) {
            return Optional.empty();
        }
        EvaluationResult result = feel.evaluateExpression(expression, variables);
        return result.isFailure() ? Optional.empty() : Optional.of(result);
    }

    private static Optional<Timer> timer(FlowNode node) {
        return node.getChildElementsByType(TimerEventDefinition.class).stream().findFirst().map(t -> new Timer(node.getId(),
                node.getName(), text(t.getTimeDate()), text(t.getTimeDuration()), text(t.getTimeCycle())));
    }

    private static String text(org.camunda.bpm.model.xml.instance.ModelElementInstance value) {
        return value == null ? null : value.getTextContent().strip();
    }
}
