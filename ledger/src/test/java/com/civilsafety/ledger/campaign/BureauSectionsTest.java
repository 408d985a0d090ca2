package com.civilsafety.ledger.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.institution.InstitutionType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A section's person whose account would keep the field's consolidation from him is told so. */
class BureauSectionsTest {
    private final BureauSections sections = new BureauSections("福利股", List.of(
            new BureauSections.Field("福利股", Set.of(InstitutionType.ELDERLY_CARE)),
            new BureauSections.Field("社会事务股", Set.of(InstitutionType.FUNERAL))));

    @Test
    void aSectionsPersonWithoutAKnownSectionIsTold() {
        assertThat(sections.problemOf(true, "社会事务股")).isNull();
        assertThat(sections.problemOf(true, null)).contains("没有设置所在股室", "福利股、社会事务股");
        assertThat(sections.problemOf(true, " ")).contains("没有设置所在股室");
        assertThat(sections.problemOf(true, "社会事物股")).contains("「社会事物股」不是平台设置的股室");
    }

    @Test
    void othersAndCountiesWithoutFieldsAreNot() {
        assertThat(sections.problemOf(false, null)).isNull();
        assertThat(BureauSections.NONE.problemOf(true, null)).isNull();
    }
}
