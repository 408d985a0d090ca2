package com.civilsafety.api.criterion;

import com.civilsafety.ledger.criterion.CriterionCatalogue;
import com.civilsafety.ledger.criterion.HazardCriterion;
import com.civilsafety.ledger.institution.InstitutionType;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The 判定依据 catalogue reporters choose from. */
@RestController
@RequestMapping("/api/criteria")
class CriterionController {
    private final CriterionCatalogue catalogue;

    CriterionController(CriterionCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    record Criterion(String code, String standard, String article, String institutionType, String category,
                     String categoryLabel, String text, boolean major) {
        static Criterion of(HazardCriterion c) {
            return new Criterion(c.getCode(), c.getStandard(), c.getArticle(),
                    c.getInstitutionType() == null ? null : c.getInstitutionType().name(), c.getCategory().name(),
                    c.getCategory().label(), c.getText(), c.isMajor());
        }
    }

    /** Active items, major first; with institutionType only those that apply to it. */
    @GetMapping
    List<Criterion> list(@RequestParam(required = false) InstitutionType institutionType) {
        return catalogue.list(institutionType).stream().map(Criterion::of).toList();
    }
}
