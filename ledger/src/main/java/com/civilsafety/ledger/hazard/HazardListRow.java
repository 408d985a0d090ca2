package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.criterion.HazardCategory;
import com.civilsafety.ledger.institution.InstitutionType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One hazard as the 《隐患清单》 shows it: the columns of the county form, in its order. */
public record HazardListRow(long id, String code, String township, String institutionName, InstitutionType institutionType,
                            String description, String location, String criterionCode, String criterionStandard,
                            String criterionArticle, String criterionText, HazardCategory category, HazardSource source, LocalDate foundOn,
                            HazardGrade grade, String responsibleUnit, String responsiblePerson, String measures,
                            BigDecimal funds, LocalDate deadline, String temporaryControls, HazardStatus status,
                            String acceptedBy, LocalDate acceptedOn, boolean listedSupervision, Instant closedAt) {

    /**
     * 判定依据 as people read it: the item's words, then the standard and article it comes from (our catalogue's item
     * code stays out of the forms: nobody quotes it).
     */
    public String criterion() {
        if (criterionCode == null) {
            return "";
        }
        String article = criterionArticle == null || criterionArticle.isBlank() || criterionArticle.strip().equals("—")
                ? "" : criterionArticle.strip();
        String basis = ((criterionStandard == null ? "" : criterionStandard.strip()) + " " + article).strip();
        String words = criterionText == null || criterionText.isBlank() ? basis : criterionText.strip();
        return basis.isEmpty() || basis.equals(words) || words.contains(basis) ? words : words + "（" + basis + "）";
    }

    /** 整改进展 on a given day: the status, marked 逾期 when not closed past the deadline. */
    public String progress(LocalDate today) {
        return HazardStatus.overdueOn(today, null, deadline, closedAt) ? status.label() + "（已逾期）" : status.label();
    }

    /** 销号日期: the China date it was closed on. */
    public LocalDate closedOn() {
        return closedAt == null ? null : closedAt.atZone(LedgerTime.ZONE).toLocalDate();
    }
}
