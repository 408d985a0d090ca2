package com.civilsafety.ledger.helpvisit;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 帮扶指导 by the bureau, townships and inspectors, counted in the 调度表 (docs/statistics.md, helpVisits). */
@Service
public class HelpVisits {
    public static final String SUBJECT = "INSTITUTION";
    private static final Set<Role> HELPERS = EnumSet.of(Role.BUREAU_ADMIN, Role.BUREAU_SECTION, Role.LEADER,
            Role.TOWNSHIP_OFFICER, Role.INSPECTOR);

    private final HelpVisitRepository visits;
    private final InstitutionRepository institutions;
    private final EventLog eventLog;
    private final Clock clock;

    HelpVisits(HelpVisitRepository visits, InstitutionRepository institutions, EventLog eventLog, Clock clock) {
        this.visits = visits;
        this.institutions = institutions;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    @Transactional
    public HelpVisit record(HelpVisitReport report, Actor actor) {
        if (HELPERS.stream().noneMatch(actor::hasRole) || actor.institutionId() != null) {
            throw new ForbiddenException("您的角色不能登记帮扶指导");
        }
        Institution institution = visible(report.institutionId(), actor)
                .orElseThrow(() -> new InvalidInputException("institutionId", "机构不存在或不在您的辖区内：" + report.institutionId()));
        if (report.visitedOn().isAfter(LedgerTime.today(clock))) {
            throw new InvalidInputException("visitedOn", "帮扶日期不能晚于今天");
        }
        HelpVisit visit = visits.save(new HelpVisit(institution.getId(), institution.getRegion().getId(), report,
                actor.personId(), clock.instant()));
        eventLog.append(EventType.HELP_VISIT_RECORDED, SUBJECT, institution.getId(), actor, null, report);
        return visit;
    }

    @Transactional(readOnly = true)
    public List<HelpVisit> ofInstitution(long institutionId, Actor actor) {
        visible(institutionId, actor).orElseThrow(() -> new NotFoundException("机构不存在：" + institutionId));
        return visits.findByInstitutionIdOrderByVisitedOnDescIdDesc(institutionId);
    }

    private java.util.Optional<Institution> visible(long institutionId, Actor actor) {
        return institutions.findById(institutionId).filter(i -> actor.covers(i.getRegion().getPath(), i.getId()));
    }
}
