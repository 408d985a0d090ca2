package com.civilsafety.ledger.criterion;

import com.civilsafety.ledger.institution.InstitutionType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * One item of the 判定依据 catalogue: a situation from an MCA 重大事故隐患判定标准 (or a general item), the article it
 * comes from, its category, and whether it makes a hazard major.
 */
@Entity
public class HazardCriterion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String standard;
    private String article;
    /** The institution type the item applies to; null for every type. */
    @Enumerated(EnumType.STRING)
    private InstitutionType institutionType;
    @Enumerated(EnumType.STRING)
    private HazardCategory category;
    private String text;
    private boolean major;
    private boolean active;

    protected HazardCriterion() {
    }

    public boolean appliesTo(InstitutionType type) {
        return active && (institutionType == null || institutionType == type);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getStandard() {
        return standard;
    }

    public String getArticle() {
        return article;
    }

    public InstitutionType getInstitutionType() {
        return institutionType;
    }

    public HazardCategory getCategory() {
        return category;
    }

    public String getText() {
        return text;
    }

    public boolean isMajor() {
        return major;
    }

    public boolean isActive() {
        return active;
    }
}
