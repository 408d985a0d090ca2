package com.civilsafety.processes.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The variables a timer's date reads, as the model check finds them in its FEEL text. */
class FeelNamesTest {
    @Test
    void namesAreVariablesNotFunctionsKeywordsStringsOrPathTails() {
        assertThat(FeelNames.variablesOf("=date and time(endsAt) - duration(\"P3D\")")).containsExactly("endsAt");
        assertThat(FeelNames.variablesOf("=date and time(整改期限)")).containsExactly("整改期限");
        assertThat(FeelNames.variablesOf("=if grading.recheckDays > 30 then date and time(recheckAt) else null"))
                .containsExactly("grading", "recheckAt");
        assertThat(FeelNames.variablesOf("=now() + duration(\"P1D\")")).isEmpty();
        assertThat(FeelNames.variablesOf("2027-06-30T17:00:00+08:00")).isEmpty();
        assertThat(FeelNames.variablesOf("=for m in dispatchMonths, d in days return {month: m, day: d, at: endsAt}"))
                .containsExactly("dispatchMonths", "days", "endsAt");
        assertThat(FeelNames.variablesOf("=grading.listedSupervision = true // 挂牌督办\n and /* 立查立改 */ fixedOnSite"))
                .containsExactly("grading", "fixedOnSite");
        assertThat(FeelNames.variablesOf("=needsUpdate and timeoutReached")).containsExactly("needsUpdate", "timeoutReached");
        assertThat(FeelNames.variablesOf("=some t in tasks satisfies t.overdue and flagged")).containsExactly("tasks", "flagged");
    }
}
