package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.institution.InstitutionType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The county bureau's sections (股室) and the field each supervises, by institution type, and the one that consolidates
 * (seed 000: 各股室根据检查情况，形成本领域县级《清单》和《调度表》，于每月20日下午下班前报福利股汇总). With none configured,
 * one bureau section consolidates the county's forms alone.
 */
@ConfigurationProperties("civil-safety.bureau-sections")
public record BureauSections(String consolidating, List<Field> fields) {

    /** A section and the institution types of its field. */
    public record Field(String name, Set<InstitutionType> institutionTypes) {
        public Field {
            if (name == null || name.isBlank() || name.strip().length() > 16) {
                throw new IllegalStateException("civil-safety.bureau-sections: a section's name is 1 to 16 characters: " + name);
            }
            name = name.strip();
            institutionTypes = institutionTypes == null || institutionTypes.isEmpty() ? Set.of() : EnumSet.copyOf(institutionTypes);
        }
    }

    public BureauSections {
        fields = fields == null ? List.of() : List.copyOf(fields);
        String by = consolidating == null || consolidating.isBlank() ? null : consolidating.strip();
        consolidating = by;
        if (!fields.isEmpty() && (by == null || fields.stream().noneMatch(f -> f.name().equals(by)))) {
            throw new IllegalStateException("civil-safety.bureau-sections.consolidating must name one of the fields' sections");
        }
    }

    public static final BureauSections NONE = new BureauSections(null, null);

    /** Whether each field's section consolidates its own forms before the consolidating one does the county's. */
    public boolean byField() {
        return !fields.isEmpty();
    }

    /**
     * Why a bureau section's person will never get a field's consolidation (本领域汇总), or null: his account names no
     * section, or one that is not configured. Shown to him, so that he asks the administrator before a report is late.
     */
    public String problemOf(boolean bureauSection, String section) {
        if (!bureauSection || !byField()) {
            return null;
        }
        String known = String.join("、", fields.stream().map(Field::name).toList());
        if (section == null || section.isBlank()) {
            return "您的账号没有设置所在股室（" + known + "），本领域《清单》《调度表》汇总任务不会派给您。请联系县局管理员设置。";
        }
        if (fields.stream().noneMatch(f -> f.name().equals(section))) {
            return "您的账号所在股室「" + section + "」不是平台设置的股室（" + known + "），本领域汇总任务不会派给您。请联系县局管理员更正。";
        }
        return null;
    }

    /** The fields a campaign over these types touches, in the configured order. */
    public List<Field> covering(Set<InstitutionType> types) {
        return fields.stream().filter(f -> f.institutionTypes().stream().anyMatch(types::contains)).toList();
    }
}
