package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.attachment.AttachmentStore;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.hazard.Hazard;
import com.civilsafety.ledger.hazard.HazardReport;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.hazard.HazardSource;
import com.civilsafety.ledger.hazard.HazardsFound;
import com.civilsafety.ledger.hazard.RecheckResult;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskCompleted;
import com.civilsafety.ledger.inbox.TaskKind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a submitted piece of campaign work means: the work is recorded as submitted (late if past its due date), a
 * self-check's 否 items and an inspection's findings become hazards, a 督导回头看 that found a rebound reopens the
 * hazard as a new case. All in the submitting transaction; the hazards' loops start once it has committed
 * ({@link HazardsFound}). {@link CampaignTaskRules} has checked the form before.
 */
@Component
class CampaignSubmissions {
    private final CampaignWorkRepository work;
    private final HazardService hazards;
    private final DispatchReports dispatchReports;
    private final EventLog eventLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AttachmentStore attachments;

    CampaignSubmissions(CampaignWorkRepository work, HazardService hazards, DispatchReports dispatchReports, EventLog eventLog,
                        ApplicationEventPublisher events, Clock clock, AttachmentStore attachments) {
        this.attachments = attachments;
        this.work = work;
        this.hazards = hazards;
        this.dispatchReports = dispatchReports;
        this.eventLog = eventLog;
        this.events = events;
        this.clock = clock;
    }

    /** A self-check item's photos are the hazard's first evidence. */
    private Hazard withPhotos(Hazard hazard, List<Long> photoIds) {
        attachments.copyTo(photoIds, HazardService.SUBJECT, hazard.getId());
        return hazard;
    }

    @EventListener
    void onCompleted(TaskCompleted completed) {
        if (!CampaignService.SUBJECT.equals(completed.task().getSubjectType())) {
            return;
        }
        CampaignWork item = workOf(completed.task());
        Actor actor = completed.actor();
        item.submit(actor, clock.instant(), LedgerTime.today(clock));
        List<Hazard> found = switch (completed.result()) {
            case SelfCheckForm form -> form.items().stream().filter(i -> i.answer() == ChecklistAnswer.NO)
                    .map(i -> withPhotos(hazards.reportFound(new HazardReport(item.getInstitutionId(), i.note().strip(), i.location(),
                            i.criterionCode().strip(), Boolean.TRUE.equals(i.residentsExposed()), HazardSource.SELF_CHECK,
                            form.checkedOn()), item.getCampaignId(), actor),
                            i.photoIds()))
                    .toList();
            case InspectionReport report -> report.findings().stream()
                    .map(f -> hazards.reportFound(new HazardReport(item.getInstitutionId(), f.description().strip(), f.location(),
                            f.criterionCode().strip(), Boolean.TRUE.equals(f.residentsExposed()), item.getKind() == TaskKind.SUPERVISION_VISIT
                            ? HazardSource.SUPERVISION : HazardSource.DEPARTMENT_CHECK, report.inspectedOn(),
                            f.fixedOnSite(), f.onSiteMeasures()), item.getCampaignId(), actor))
                    .toList();
            case RecheckResult recheck when recheck.rebound() ->
                    List.of(hazards.reportRebound(item.getHazardId(), recheck.findings().strip(), item.getCampaignId(), actor));
            case DispatchConfirmation confirmation -> {
                dispatchReports.freeze(item, confirmation, actor);
                yield List.of();
            }
            default -> List.of();
        };
        if (item.getKind() == TaskKind.SELF_CHECK || completed.result() instanceof InspectionReport) {
            item.recordHazardsFound(found.size());
        }
        eventLog.append(EventType.CAMPAIGN_WORK_SUBMITTED, CampaignService.SUBJECT, item.getCampaignId(), actor, null,
                Map.of("workId", item.getId(), "kind", item.getKind(), "late", item.isLate(),
                        "hazardIds", found.stream().map(Hazard::getId).toList()));
        if (!found.isEmpty()) {
            events.publishEvent(new HazardsFound(found.stream().map(Hazard::getId).toList()));
        }
    }

    private CampaignWork workOf(InboxTask task) {
        return work.findByTaskId(task.getId())
                .orElseThrow(() -> new IllegalStateException("task " + task.getId() + " belongs to no campaign work"));
    }

}
