package com.civilsafety.ledger.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.statistics.SafetyFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a reporter's corrections may make of the ledger's figures: figures that still hold together. */
class DispatchCorrectionsTest {
    /** 5 found (2 by self-check, 2 by department checks, 1 otherwise), 1 major, 3 rectified, 1 listed and closed. */
    private static final SafetyFigures LEDGER = SafetyFigures.NONE.with("hazardsFound", 5).with("foundBySelfCheck", 2)
            .with("foundByDepartmentCheck", 2).with("foundOtherwise", 1).with("major", 1).with("rectified", 3)
            .with("listedSupervision", 1).with("listedSupervisionClosed", 1);

    private static DispatchConfirmation.Correction set(String field, long value) {
        return new DispatchConfirmation.Correction(field, value, "核实");
    }

    @Test
    void otherWaysOfFindingFollowACorrectedTotal() {
        SafetyFigures reported = DispatchReports.corrected(LEDGER, List.of(set("hazardsFound", 7)));
        assertThat(reported.hazardsFound()).isEqualTo(7);
        assertThat(reported.foundOtherwise()).isEqualTo(3);
        assertThat(reported.rectificationRate()).as("3 of 7").isCloseTo(42.9, org.assertj.core.data.Offset.offset(0.1));
        assertThat(DispatchReports.corrected(LEDGER, List.of())).isEqualTo(LEDGER);
    }

    @Test
    void figuresThatContradictEachOtherAreRefused() {
        assertThatThrownBy(() -> DispatchReports.corrected(LEDGER, List.of(set("rectified", 6))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已整改数（6）多于发现隐患数（5）");
        assertThatThrownBy(() -> DispatchReports.corrected(LEDGER, List.of(set("major", 9))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("其中重大（9）多于发现隐患数（5）");
        assertThatThrownBy(() -> DispatchReports.corrected(LEDGER, List.of(set("hazardsFound", 3))))
                .as("fewer found than found by self-checks and inspections").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("不符");
        assertThatThrownBy(() -> DispatchReports.corrected(LEDGER, List.of(set("foundOtherwise", 4))))
                .as("a way of finding corrected by itself no longer adds up").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> DispatchReports.corrected(LEDGER, List.of(set("listedSupervision", 0))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("挂牌督办已销号");
        // corrected together, they hold
        assertThat(DispatchReports.corrected(LEDGER, List.of(set("hazardsFound", 6), set("foundOtherwise", 2))).foundOtherwise())
                .isEqualTo(2);
    }
}
