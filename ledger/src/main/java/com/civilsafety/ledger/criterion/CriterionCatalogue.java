package com.civilsafety.ledger.criterion;

import com.civilsafety.ledger.institution.InstitutionType;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The 判定依据 catalogue as reporters choose from it: active items, major first. */
@Service
public class CriterionCatalogue {
    private final HazardCriterionRepository criteria;

    public CriterionCatalogue(HazardCriterionRepository criteria) {
        this.criteria = criteria;
    }

    /** The items that apply to an institution type, or all active items when the type is null. */
    @Transactional(readOnly = true)
    public List<HazardCriterion> list(InstitutionType type) {
        return criteria.findByActiveTrueOrderByMajorDescCodeAsc().stream()
                .filter(c -> type == null || c.appliesTo(type)).toList();
    }
}
