package com.civilsafety.ledger.institution;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.Json;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.eventlog.LedgerEvent;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of supervised institutions (机构台账): registering one, changing its record, and 停业整顿 / 关停 / 恢复运营,
 * each kept in the institution's history (the ledger's event log: who, when, what was and became, why). The county
 * bureau (administrator and sections) keeps the register of its county — its townships' institutions and those it runs
 * directly, registered at the county itself (直属机构); a township officer registers and updates his own township's,
 * but may not move one out of it nor close it. A closed or suspended institution gets no new campaign work; what it
 * already owes and its hazards stay.
 */
@Service
public class InstitutionRegister {
    public static final String SUBJECT = "INSTITUTION";

    private final InstitutionRepository institutions;
    private final RegionRepository regions;
    private final EventLog eventLog;
    private final Validator validator;
    private final Clock clock;

    InstitutionRegister(InstitutionRepository institutions, RegionRepository regions, EventLog eventLog, Validator validator,
                        Clock clock) {
        this.validator = validator;
        this.institutions = institutions;
        this.regions = regions;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** An entry of an institution's history, in words. */
    public record Change(Instant at, String actorName, String what, Map<String, List<Object>> changes, String reason) {
    }

    @Transactional
    public Institution register(InstitutionRecord asSent, Actor actor) {
        InstitutionRecord record = valid(asSent);
        Region region = check(record, actor);
        Institution institution = new Institution(record.code().strip(), record.name().strip(), record.type(), region,
                Institution.blankToNull(record.address()), record.capacity(), clock.instant());
        institution.assignPrincipal(Institution.blankToNull(record.principalName()), Institution.blankToNull(record.principalPhone()));
        institution.assignSafetyOfficer(Institution.blankToNull(record.safetyOfficerName()),
                Institution.blankToNull(record.safetyOfficerPhone()));
        institutions.save(institution);
        eventLog.append(EventType.INSTITUTION_REGISTERED, SUBJECT, institution.getId(), actor, null, Map.of("code",
                institution.getCode(), "name", institution.getName(), "region", region.getName(), "reason",
                String.valueOf(Institution.blankToNull(record.reason()))));
        return institution;
    }

    /**
     * Whether the actor may register the institution as recorded, by the register's rules: the region within his keeping,
     * the code and the name in its township not taken. Answers the region; refuses with the field that is wrong. Runs in
     * the caller's transaction, and marks none for rollback when it refuses (an import checks every row in one).
     */
    public Region check(InstitutionRecord asSent, Actor actor) {
        InstitutionRecord record = valid(asSent);
        Region region = regionFor(record.regionId(), actor);
        checkUnique(record, region, null);
        return region;
    }

    /** 变更登记: the record as it now is; answers the institution (unchanged if nothing differed). */
    @Transactional
    public Institution update(long id, InstitutionRecord asSent, Actor actor) {
        Institution institution = editable(id, actor); // another township's is not found, whatever was sent
        InstitutionRecord record = valid(asSent);
        if (record.reason() == null || record.reason().isEmpty()) {
            throw new InvalidInputException("reason", "必须填写修改原因");
        }
        Region region = regionFor(record.regionId(), actor);
        checkUnique(record, region, institution.getId());
        Map<String, List<Object>> changes = institution.update(record, region);
        if (!changes.isEmpty()) {
            eventLog.append(EventType.INSTITUTION_CHANGED, SUBJECT, id, actor, null, Map.of("changes", changes, "reason",
                    String.valueOf(Institution.blankToNull(record.reason()))));
        }
        return institution;
    }

    /** 停业整顿, 关停 or 恢复运营, by the county bureau, with the reason. */
    @Transactional
    public Institution changeStatus(long id, InstitutionStatus status, String reason, Actor actor) {
        Institution institution = editable(id, actor);
        if (!isBureau(actor)) {
            throw new ForbiddenException("机构停业、关停或恢复运营由县局办理");
        }
        if (status == null) {
            throw new InvalidInputException("status", "必须选择状态：运营中、停业整顿或已关停");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "必须填写原因");
        }
        if (reason.strip().length() > 1000) {
            throw new InvalidInputException("reason", "原因不能超过1000字");
        }
        if (institution.getStatus() == status) {
            throw new ConflictException("机构已是「" + status.label() + "」");
        }
        InstitutionStatus before = institution.changeStatus(status);
        eventLog.append(EventType.INSTITUTION_STATUS_CHANGED, SUBJECT, id, actor, null, Map.of("changes",
                Map.of("status", List.of(before.name(), status.name())), "reason", reason.strip()));
        return institution;
    }

    /** The institution's history, oldest first: registered, changed, suspended, closed… */
    @Transactional(readOnly = true)
    public List<Change> history(long id, Actor actor) {
        visible(id, actor);
        return eventLog.of(SUBJECT, id).stream().map(InstitutionRegister::change).toList();
    }

    @SuppressWarnings("unchecked")
    private static Change change(LedgerEvent event) {
        Map<String, Object> payload = Json.read(event.getPayload(), Map.class);
        Object reason = payload.get("reason");
        Map<String, List<Object>> changes = payload.get("changes") instanceof Map<?, ?> m ? (Map<String, List<Object>>) m : Map.of();
        return new Change(event.getOccurredAt(), event.getActorName(), event.getType().label(), changes,
                reason == null || "null".equals(reason) ? null : reason.toString());
    }

    private InstitutionRecord valid(InstitutionRecord asSent) {
        InstitutionRecord record = asSent.normalized();
        Set<ConstraintViolation<InstitutionRecord>> violations = validator.validate(record);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return record;
    }

    private Institution visible(long id, Actor actor) {
        return institutions.findById(id).filter(i -> actor.covers(i.getRegion().getPath(), i.getId()))
                .orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的机构"));
    }

    /** An institution the actor keeps the register of: the county bureau's, or a township officer's own township's. */
    private Institution editable(long id, Actor actor) {
        Institution institution = visible(id, actor);
        if (actor.institutionId() != null || !keepsRegister(actor)) {
            throw new ForbiddenException("只有县局或本乡镇民政办可以维护机构台账");
        }
        return institution;
    }

    /** the county bureau, who keeps its townships' institutions and those it runs itself */
    static boolean isBureau(Actor actor) {
        return actor.hasRole(Role.BUREAU_ADMIN) || actor.hasRole(Role.BUREAU_SECTION);
    }

    private static boolean keepsRegister(Actor actor) {
        return actor.hasRole(Role.BUREAU_ADMIN) || actor.hasRole(Role.BUREAU_SECTION) || actor.hasRole(Role.TOWNSHIP_OFFICER);
    }

    /** The region an institution is registered in: within the actor's region; a township officer's own township. */
    private Region regionFor(Long regionId, Actor actor) {
        if (actor.institutionId() != null || !keepsRegister(actor)) {
            throw new ForbiddenException("只有县局或本乡镇民政办可以维护机构台账");
        }
        if (regionId == null) {
            throw new InvalidInputException("regionId", "必须选择所属乡镇（县局直属机构选本县）");
        }
        Region region = regions.findById(regionId).filter(r -> r.getPath().startsWith(actor.regionPath()))
                .orElseThrow(() -> new InvalidInputException("regionId", "所选区划不存在或不在您的辖区内"));
        if (region.getLevel() != RegionLevel.TOWNSHIP && region.getLevel() != RegionLevel.COUNTY) {
            throw new InvalidInputException("regionId", "机构应登记在乡镇，县局直属机构登记在县");
        }
        if (!isBureau(actor) && !region.getPath().equals(actor.regionPath())) {
            throw new InvalidInputException("regionId", "乡镇民政办只能登记本乡镇的机构");
        }
        return region;
    }

    private void checkUnique(InstitutionRecord record, Region region, Long self) {
        // codes are compared ignoring case: 91341824MA2N… and 91341824ma2n… are one 统一社会信用代码
        institutions.findFirstByCodeIgnoreCase(record.code()).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new InvalidInputException("code", "机构编号 " + record.code().strip() + " 已登记为「" + other.getName()
                    + "」，请核对编号或名称");
        });
        institutions.findByNameInScope(region.getPath(), record.name().strip()).stream()
                .filter(other -> other.getRegion().getId().equals(region.getId()) && !other.getId().equals(self)
                        && other.getName().equals(record.name().strip()))
                .findFirst().ifPresent(other -> {
                    throw new InvalidInputException("name", region.getName() + "已有同名机构「" + other.getName() + "」（编号 "
                            + other.getCode() + "）");
                });
    }
}
