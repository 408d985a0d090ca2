package com.civilsafety.api.campaign;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.campaign.Campaign;
import com.civilsafety.ledger.campaign.CampaignView;
import com.civilsafety.ledger.campaign.MonthlyDispatch;
import com.civilsafety.ledger.institution.InstitutionType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A campaign as the API shows it: scope, schedule (phases, deliverables, the months of its span with their dispatch
 * dates and whether each reports, the weeks of 周调度 with theirs) and status.
 */
public record CampaignDetails(long id, String name, String templateCode, String leadOrganisation,
                              String responsibleSections, String status, String statusLabel, List<String> regions,
                              List<String> institutionTypes, List<Phase> phases, List<Deliverable> deliverables,
                              List<Dispatch> dispatches, List<Dispatch> weeklyDispatches, Instant createdAt, String statusReason, String inspectionMode,
                              int inspectionShare, boolean unannounced, Long processInstanceKey) {

    /**
     * A month of the campaign's span (or a week of 周调度, its {@code month} then "2027-W23"): whether its 《清单》《调度表》 are reported, when the townships' tasks open, are
     * reminded and are due, when the county's consolidation is due, and whether the month's tasks have opened (after
     * which it cannot be changed).
     */
    public record Dispatch(String month, String label, boolean reported, OffsetDateTime opensAt, OffsetDateTime remindAt,
                           OffsetDateTime dueAt, OffsetDateTime countyDueAt, boolean opened) {
        static Dispatch of(MonthlyDispatch.Month m) {
            return new Dispatch(m.month(), m.label(), m.reported(), m.dates().opensAt(), m.dates().remindAt(),
                    m.dates().dueAt(), m.dates().countyDueAt(), m.opened());
        }
    }

    public record Phase(int ordinal, String kind, String name, LocalDate startsOn, LocalDate endsOn, String status,
                        Long drawSeed) {
    }

    public record Deliverable(long id, String kind, String name, LocalDate opensOn, LocalDate dueOn, String status) {
    }

    /**
     * A phase's draw seed is the bureau's record of how a 双随机 draw was made (anyone with it can redo the draw): shown
     * to the bureau, not to those drawn — an institution that could redo it would know its unannounced inspection.
     */
    static CampaignDetails of(CampaignView view, Actor actor) {
        Campaign c = view.campaign();
        boolean bureau = actor.hasRole(Role.BUREAU_ADMIN) || actor.hasRole(Role.BUREAU_SECTION);
        return new CampaignDetails(c.getId(), c.getName(), c.getTemplateCode(), c.getLeadOrganisation(),
                c.getResponsibleSections(), c.getStatus().name(), c.getStatus().label(),
                view.regions().stream().map(r -> r.getName()).toList(),
                c.getInstitutionTypes().stream().sorted().map(InstitutionType::name).toList(),
                view.phases().stream().map(p -> new Phase(p.getOrdinal(), p.getKind().name(), p.getName(), p.getStartsOn(),
                        p.getEndsOn(), p.getStatus().name(), bureau ? p.getDrawSeed() : null)).toList(),
                view.deliverables().stream().map(d -> new Deliverable(d.getId(), d.getKind().name(), d.getName(),
                        d.getOpensOn(), d.getDueOn(), d.getStatus().name())).toList(),
                view.dispatches().stream().map(Dispatch::of).toList(),
                view.weeklyDispatches().stream().map(Dispatch::of).toList(),
                c.getCreatedAt(), c.getStatusReason(), c.getInspectionMode().name(), c.getInspectionShare(),
                c.isUnannounced(), c.getProcessInstanceKey());
    }
}
