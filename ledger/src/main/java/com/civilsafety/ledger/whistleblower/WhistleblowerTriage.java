package com.civilsafety.ledger.whistleblower;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.Json;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.hazard.Hazard;
import com.civilsafety.ledger.hazard.HazardReport;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.hazard.HazardSource;
import com.civilsafety.ledger.hazard.HazardsFound;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.OpenedTask;
import com.civilsafety.ledger.inbox.TaskKind;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.job.ProcessStep;
import com.civilsafety.ledger.people.PeopleService;
import com.civilsafety.ledger.people.PersonRepository;
import com.civilsafety.ledger.region.RegionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the triage model (processes/whistleblower-triage.bpmn), each recorded in the ledger: the bureau
 * section verifies the report; a substantiated one becomes a hazard (source 举报) whose loop starts after the commit,
 * and the leader decides on a reward; the reporter's feedback follows each outcome.
 */
@Service
@Transactional
public class WhistleblowerTriage {
    /** days to decide, by the end of the last one: an office's deadline is a day */
    static final int DAYS_TO_DECIDE = 7;

    private final WhistleblowerReportRepository reports;
    private final InstitutionRepository institutions;
    private final RegionRepository regions;
    private final InboxService inbox;
    private final HazardService hazards;
    private final PersonRepository people;
    private final EventLog eventLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WhistleblowerTriage(WhistleblowerReportRepository reports, InstitutionRepository institutions, RegionRepository regions,
                        InboxService inbox, HazardService hazards, PersonRepository people, EventLog eventLog,
                        ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.institutions = institutions;
        this.regions = regions;
        this.inbox = inbox;
        this.hazards = hazards;
        this.people = people;
        this.eventLog = eventLog;
        this.clock = clock;
        this.events = events;
    }

    /** Reports received whose triage has not started (the engine was away), received before the given moment. */
    @Transactional(readOnly = true)
    public List<Long> untriaged(Instant receivedBefore) {
        return reports.findTop100ByProcessInstanceKeyIsNullAndSubmittedAtBeforeOrderById(receivedBefore).stream()
                .map(WhistleblowerReport::getId).toList();
    }

    /** Opens the inbox task of a step of the triage; answers it with its reminder date and deadline. */
    public OpenedTask openTask(long reportId, TaskKind kind, ProcessStep step) {
        WhistleblowerReport report = require(reportId);
        Instant now = clock.instant();
        if (kind == TaskKind.WHISTLEBLOWER_VERIFICATION && !report.triagedBy(step.processInstanceKey(), now)) {
            throw new IllegalStateException("report " + reportId + " is triaged by instance " + report.getProcessInstanceKey());
        }
        Role role = switch (kind) {
            case WHISTLEBLOWER_VERIFICATION -> Role.BUREAU_SECTION;
            case WHISTLEBLOWER_REWARD -> Role.LEADER;
            default -> throw new IllegalArgumentException(kind + " is not a step of the whistleblower triage");
        };
        String about = report.getInstitutionId() == null ? report.getReportedInstitution() + "，未在册"
                : institutions.findById(report.getInstitutionId()).orElseThrow().getName();
        InboxTask task = inbox.open(new InboxTask(kind, Whistleblowers.SUBJECT, reportId,
                kind.label() + " " + report.reference() + "（" + about + "）", role,
                regions.findById(report.getRegionId()).orElseThrow(), null,
                LedgerTime.endOf(LedgerTime.today(clock).plusDays(DAYS_TO_DECIDE)),
                step.processInstanceKey(), step.elementId(), step.jobKey(), now), step);
        return OpenedTask.of(task);
    }

    /** Records what a person submitted; answers whether the report was substantiated, if the step decided it. */
    public Optional<Boolean> recordTask(long reportId, long taskId, TaskKind kind, ProcessStep step) {
        WhistleblowerReport report = require(reportId);
        InboxTask task = inbox.completedTask(Whistleblowers.SUBJECT, reportId, taskId, kind);
        Actor signer = people.findById(task.getCompletedBy()).map(PeopleService::actorOf).orElseThrow();
        Instant now = clock.instant();
        Optional<Boolean> substantiated = switch (Json.read(task.getResult(), inbox.formOf(kind))) {
            case ReportVerification verification when verification.substantiated() -> {
                long institutionId = verification.institutionId() != null ? verification.institutionId() : report.getInstitutionId();
                Hazard hazard = hazards.reportAwaitingLoop(new HazardReport(institutionId,
                        "【举报核实】" + verification.findings().strip(), report.getLocation(), verification.criterionCode().strip(),
                        Boolean.TRUE.equals(verification.residentsExposed()), HazardSource.WHISTLEBLOWER,
                        verification.verifiedOn()), signer);
                report.substantiated(institutionId, hazard.getId(), hazard.getCode(), now);
                events.publishEvent(new HazardsFound(List.of(hazard.getId())));
                yield Optional.of(true);
            }
            case ReportVerification verification -> {
                report.dismissed(verification.dismissReason(), now);
                yield Optional.of(false);
            }
            case RewardDecision decision -> {
                report.rewardDecided(decision.granted(), decision.amount(), now);
                yield Optional.empty();
            }
            default -> throw new IllegalStateException(kind + " is not recorded by the triage");
        };
        eventLog.append(EventType.WHISTLEBLOWER_REPORT_TRIAGED, Whistleblowers.SUBJECT, reportId, signer, step,
                Map.of("kind", kind, "status", report.getStatus()));
        return substantiated;
    }

    public void close(long reportId, ProcessStep step) {
        WhistleblowerReport report = require(reportId);
        report.close(clock.instant());
        eventLog.append(EventType.WHISTLEBLOWER_REPORT_TRIAGED, Whistleblowers.SUBJECT, reportId, Actor.SYSTEM, step,
                Map.of("status", report.getStatus()));
    }

    private WhistleblowerReport require(long id) {
        return reports.findById(id).orElseThrow(() -> new NotFoundException("举报不存在：" + id));
    }
}
