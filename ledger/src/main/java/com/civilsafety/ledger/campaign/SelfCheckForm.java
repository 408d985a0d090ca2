package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.inbox.TaskResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * 机构自查表: an answer to every checklist item of the institution's type — the items are hazard statements, so YES
 * (不存在) means the institution meets the item, NO (存在) that the hazard is there, or 不涉及 — signed by the person
 * responsible. Every NO becomes a hazard: its note says what is wrong and where, its photos (uploaded to the task
 * before submitting) go with it, and whether residents are exposed to it (the grading fact every way of finding a
 * hazard records).
 */
public record SelfCheckForm(
        @NotNull(message = "必须填写自查日期") LocalDate checkedOn,
        @NotEmpty(message = "自查表不能为空") List<@Valid @NotNull(message = "自查项不能为空") Item> items,
        @NotBlank(message = "必须由负责人签名") @Size(max = 64, message = "签名不能超过64字") String signedBy) implements TaskResult {

    public record Item(
            @NotBlank(message = "必须指明检查项") @Size(max = 32, message = "检查项编号不能超过32字") String criterionCode,
            @NotNull(message = "必须选择不存在、存在或不涉及") ChecklistAnswer answer,
            @Size(max = 2000, message = "说明不能超过2000字") String note,
            @Size(max = 255, message = "部位不能超过255字") String location,
            @Size(max = Item.MAX_PHOTOS, message = "每项最多附 " + Item.MAX_PHOTOS + " 张照片") List<@NotNull Long> photoIds,
            Boolean residentsExposed) {
        public static final int MAX_PHOTOS = 9;

        public Item {
            photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
        }

        public Item(String criterionCode, ChecklistAnswer answer, String note, String location) {
            this(criterionCode, answer, note, location, List.of(), null);
        }
    }

    @Override
    public void checkRules(LocalDate today) {
        if (checkedOn.isAfter(today)) {
            throw new InvalidInputException("checkedOn", "自查日期不能晚于今天");
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.answer() == ChecklistAnswer.NO && (item.note() == null || item.note().isBlank())) {
                throw new InvalidInputException("items[" + i + "].note", "选择「存在」时必须写明存在的问题");
            }
            // not answering is not "not exposed": the answer decides the grade, the deadline and emergency measures
            if (item.answer() == ChecklistAnswer.NO && item.residentsExposed() == null) {
                throw new InvalidInputException("items[" + i + "].residentsExposed", "选择「存在」时必须回答服务对象是否暴露于风险");
            }
            if (item.answer() != ChecklistAnswer.NO && !item.photoIds().isEmpty()) {
                throw new InvalidInputException("items[" + i + "].photoIds", "只有选择「存在」的项可以附照片");
            }
        }
    }

    long hazardCount() {
        return items.stream().filter(i -> i.answer() == ChecklistAnswer.NO).count();
    }
}
