package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.eventlog.EventLog;
import com.civilsafety.ledger.eventlog.EventType;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催办 from a campaign's progress: who has not yet submitted a phase's or deliverable's work, and a person reminding
 * them. The reminder lands on each owner's open task (the inbox shows it) and in the event chain; the process's own
 * reminder dates are not moved.
 */
@Service
public class CampaignReminders {
    static final int NOTE_MAX = 200;

    private final CampaignService campaigns;
    private final CampaignWorkRepository work;
    private final RegionRepository regions;
    private final InstitutionRepository institutions;
    private final InboxService inbox;
    private final EventLog eventLog;
    private final Clock clock;

    CampaignReminders(CampaignService campaigns, CampaignWorkRepository work, RegionRepository regions,
                      InstitutionRepository institutions, InboxService inbox, EventLog eventLog, Clock clock) {
        this.clock = clock;
        this.campaigns = campaigns;
        this.work = work;
        this.regions = regions;
        this.institutions = institutions;
        this.inbox = inbox;
        this.eventLog = eventLog;
    }

    /** Work of a slot not yet submitted, as far as the actor's scope reaches; earliest due first. */
    public record Outstanding(long taskId, String slot, String workLabel, Long institutionId, String institutionName,
                              String township, LocalDate dueOn, boolean late, int remindedCount, Instant lastRemindedAt) {
    }

    @Transactional(readOnly = true)
    public List<Outstanding> outstanding(long campaignId, String slot, Actor actor) {
        campaigns.get(campaignId, actor); // not found unless visible
        requireReminder(actor);
        List<CampaignWork> owed = work.findByCampaignIdAndSlotAndStatusOrderById(campaignId, slot, WorkStatus.OPEN);
        Map<Long, Region> regionsById = regionsOf(owed);
        List<CampaignWork> open = inScope(owed, regionsById, actor);
        Map<Long, Institution> institutionsById = institutions.findAllById(open.stream().map(CampaignWork::getInstitutionId)
                .filter(Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Institution::getId, Function.identity()));
        Map<Long, InboxTask> tasks = inbox.byIds(open.stream().map(CampaignWork::getTaskId).toList());
        Instant now = clock.instant();
        return open.stream().sorted(Comparator.comparing(CampaignWork::getDueOn)
                        .thenComparing(w -> regionsById.get(w.getRegionId()).getPath()).thenComparing(CampaignWork::getId))
                .map(w -> {
                    Institution institution = w.getInstitutionId() == null ? null : institutionsById.get(w.getInstitutionId());
                    InboxTask task = tasks.get(w.getTaskId());
                    return new Outstanding(w.getTaskId(), w.getSlot(), w.getKind().label(), w.getInstitutionId(),
                            institution == null ? null : institution.getName(), regionsById.get(w.getRegionId()).getName(),
                            w.getDueOn(), w.isLate() || task.getDueAt().isBefore(now),
                            task.getRemindedCount(), task.getLastRemindedAt());
                }).toList();
    }

    /**
     * Reminds the owners of the given open tasks of a slot (all its open work in the actor's scope when none are given).
     * Returns how many were reminded.
     */
    @Transactional
    public int remind(long campaignId, String slot, Collection<Long> taskIds, String note, Actor actor) {
        Campaign campaign = campaigns.get(campaignId, actor).campaign();
        requireReminder(actor);
        if (!campaign.isActive()) {
            throw new ConflictException("专项行动" + campaign.getStatus().label() + "，不能催办");
        }
        if (note != null && note.length() > NOTE_MAX) {
            throw new InvalidInputException("message", "催办内容不能超过" + NOTE_MAX + "字");
        }
        // the tasks first, then the work: the order a submission takes its locks in
        List<CampaignWork> owed = work.findByCampaignIdAndSlotAndStatusOrderById(campaignId, slot, WorkStatus.OPEN);
        List<CampaignWork> open = inScope(owed, regionsOf(owed), actor);
        if (taskIds != null && !taskIds.isEmpty()) {
            Set<Long> known = open.stream().map(CampaignWork::getTaskId).collect(Collectors.toSet());
            List<Long> unknown = taskIds.stream().filter(id -> !known.contains(id)).toList();
            if (!unknown.isEmpty()) {
                throw new InvalidInputException("taskIds", "所选的 " + unknown.size() + " 项已提交、已撤回或不在您的辖区内，请刷新名单后再催办");
            }
            open = open.stream().filter(w -> taskIds.contains(w.getTaskId())).toList();
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        int reminded = inbox.remind(open.stream().map(CampaignWork::getTaskId).toList(),
                text == null ? actor.displayName() + "催办" : actor.displayName() + "催办：" + text);
        if (reminded == 0) {
            throw new ConflictException("没有需要催办的单位：都已提交");
        }
        Set<Long> chosen = open.stream().map(CampaignWork::getTaskId).collect(Collectors.toSet());
        open = work.lockOpen(campaignId, slot).stream().filter(w -> chosen.contains(w.getTaskId())).toList();
        open.forEach(CampaignWork::reminded);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("slot", slot);
        detail.put("reminded", reminded);
        detail.put("taskIds", open.stream().map(CampaignWork::getTaskId).toList());
        if (text != null) {
            detail.put("message", text);
        }
        eventLog.append(EventType.CAMPAIGN_REMINDED, CampaignService.SUBJECT, campaignId, actor, null, detail);
        return reminded;
    }

    /** Those who supervise the work remind; an institution does not remind its neighbours. */
    private static void requireReminder(Actor actor) {
        if (actor.institutionId() != null || !(actor.hasRole(Role.BUREAU_ADMIN) || actor.hasRole(Role.BUREAU_SECTION)
                || actor.hasRole(Role.LEADER) || actor.hasRole(Role.TOWNSHIP_OFFICER))) {
            throw new ForbiddenException("只有县局、局领导或乡镇民政办可以查看未提交名单并催办");
        }
    }

    private Map<Long, Region> regionsOf(List<CampaignWork> owed) {
        return regions.findAllById(owed.stream().map(CampaignWork::getRegionId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Region::getId, Function.identity()));
    }

    private static List<CampaignWork> inScope(List<CampaignWork> owed, Map<Long, Region> regionsById, Actor actor) {
        return owed.stream().filter(w -> w.getTaskId() != null
                && regionsById.get(w.getRegionId()).getPath().startsWith(actor.regionPath())).toList();
    }
}
