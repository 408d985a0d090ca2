package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.attachment.Attachment;
import com.civilsafety.ledger.attachment.AttachmentStore;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.criterion.HazardCriterion;
import com.civilsafety.ledger.criterion.HazardCriterionRepository;
import com.civilsafety.ledger.inbox.InboxTask;
import com.civilsafety.ledger.inbox.TaskResult;
import com.civilsafety.ledger.inbox.TaskRules;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a submission of campaign work must fit, checked before anything is stored: the work is still open, a
 * self-check answers exactly the checklist of the institution's type, an inspection's findings cite items that apply.
 */
@Component
class CampaignTaskRules implements TaskRules {
    private final CampaignWorkRepository work;
    private final InstitutionRepository institutions;
    private final HazardCriterionRepository criteria;
    private final AttachmentStore attachments;
    private final DispatchReports dispatchReports;

    CampaignTaskRules(CampaignWorkRepository work, InstitutionRepository institutions, HazardCriterionRepository criteria,
                      AttachmentStore attachments,
                      @Lazy DispatchReports dispatchReports) { // drafting reads the ledger, whose services use the rules
        this.dispatchReports = dispatchReports;
        this.attachments = attachments;
        this.work = work;
        this.institutions = institutions;
        this.criteria = criteria;
    }

    @Override
    public String subjectType() {
        return CampaignService.SUBJECT;
    }

    @Override
    public void check(InboxTask task, TaskResult result, LocalDate today) {
        CampaignWork item = workOf(task);
        if (item.getStatus() != WorkStatus.OPEN) {
            throw new ConflictException("该项工作" + item.getStatus().label());
        }
        switch (result) {
            case SelfCheckForm form -> {
                checkAgainstChecklist(form, institution(item));
                checkPhotos(form, task);
            }
            case InspectionReport report -> {
                Institution institution = institution(item);
                for (int i = 0; i < report.findings().size(); i++) {
                    String code = report.findings().get(i).criterionCode().strip();
                    if (criteria.findByCode(code).filter(c -> c.appliesTo(institution.getType())).isEmpty()) {
                        throw new InvalidInputException("findings[" + i + "].criterionCode",
                                "判定依据不存在或不适用于" + institution.getType().label() + "：" + code);
                    }
                }
            }
            case DispatchConfirmation confirmation -> dispatchReports.checkCorrections(item, confirmation);
            default -> {
            }
        }
    }

    /** Every item of the institution type's checklist answered once, and nothing else. */
    private void checkAgainstChecklist(SelfCheckForm form, Institution institution) {
        Set<String> checklist = criteria.findAll().stream().filter(c -> c.appliesTo(institution.getType()))
                .map(HazardCriterion::getCode).collect(Collectors.toCollection(TreeSet::new));
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < form.items().size(); i++) {
            String code = form.items().get(i).criterionCode().strip();
            if (!checklist.contains(code)) {
                throw new InvalidInputException("items[" + i + "].criterionCode",
                        "检查项不在" + institution.getType().label() + "自查表中：" + code);
            }
            if (!answered.add(code)) {
                throw new InvalidInputException("items[" + i + "].criterionCode", "检查项重复：" + code);
            }
        }
        List<String> ordered = new ArrayList<>(checklist);
        List<String> missing = ordered.stream().filter(code -> !answered.contains(code))
                .map(code -> "第" + (ordered.indexOf(code) + 1) + "项").toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("items", "自查表还有 " + missing.size() + " 项未选择：" + String.join("、", missing));
        }
    }

    /** A photo of an item is one uploaded to this task (not someone else's file, not one of another task). */
    private void checkPhotos(SelfCheckForm form, InboxTask task) {
        Set<Long> ofTheTask = attachments.of(InboxTask.ATTACHMENT_SUBJECT, task.getId()).stream().map(Attachment::getId)
                .collect(Collectors.toSet());
        for (int i = 0; i < form.items().size(); i++) {
            if (!ofTheTask.containsAll(form.items().get(i).photoIds())) {
                throw new InvalidInputException("items[" + i + "].photoIds", "照片不属于本次自查，请重新上传");
            }
        }
    }

    private CampaignWork workOf(InboxTask task) {
        return work.findByTaskId(task.getId())
                .orElseThrow(() -> new IllegalStateException("task " + task.getId() + " belongs to no campaign work"));
    }

    private Institution institution(CampaignWork item) {
        return institutions.findById(item.getInstitutionId())
                .orElseThrow(() -> new IllegalStateException("work " + item.getId() + " has no institution"));
    }
}
