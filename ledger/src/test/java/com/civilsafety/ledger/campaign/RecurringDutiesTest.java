package com.civilsafety.ledger.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The duties a campaign's period holds: one 主要负责人带队检查 per quarter it touches, one drill per year. */
class RecurringDutiesTest {

    @Test
    void aMayToDecemberCampaignOwesThreeQuarterlyInspectionsAndOneDrill() {
        List<CampaignPlan.Deliverable> duties = RecurringDuties.between(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 12, 31));

        assertThat(duties).extracting(CampaignPlan.Deliverable::kind).containsExactly(DeliverableKind.PRINCIPAL_INSPECTION,
                DeliverableKind.PRINCIPAL_INSPECTION, DeliverableKind.PRINCIPAL_INSPECTION, DeliverableKind.EMERGENCY_DRILL);
        assertThat(duties).extracting(CampaignPlan.Deliverable::dueOn).containsExactly(LocalDate.of(2027, 6, 30),
                LocalDate.of(2027, 9, 30), LocalDate.of(2027, 12, 31), LocalDate.of(2027, 12, 31));
        // the first quarter is owed from the campaign's start, not from the quarter's
        assertThat(duties.getFirst().opensOn()).isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(duties.getFirst().name()).isEqualTo("2027年第2季度主要负责人带队检查");
        assertThat(duties.get(3).name()).isEqualTo("2027年应急疏散演练");
    }

    @Test
    void aThreeYearCampaignOwesTwelveQuartersAndThreeDrillsClippedToItsEnd() {
        List<CampaignPlan.Deliverable> duties = RecurringDuties.between(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 11, 30));

        assertThat(duties.stream().filter(d -> d.kind() == DeliverableKind.PRINCIPAL_INSPECTION)).hasSize(12)
                .last().satisfies(q -> assertThat(q.dueOn()).isEqualTo(LocalDate.of(2026, 11, 30)));
        assertThat(duties.stream().filter(d -> d.kind() == DeliverableKind.EMERGENCY_DRILL).map(CampaignPlan.Deliverable::dueOn))
                .containsExactly(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31), LocalDate.of(2026, 11, 30));
        assertThat(duties).allSatisfy(d -> assertThat(d.opensOn()).isBeforeOrEqualTo(d.dueOn()));
    }
}
