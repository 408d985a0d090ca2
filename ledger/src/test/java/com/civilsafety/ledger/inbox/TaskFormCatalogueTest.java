package com.civilsafety.ledger.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.civilsafety.ledger.campaign.CampaignTaskForms;
import com.civilsafety.ledger.hazard.HazardTaskForms;
import com.civilsafety.ledger.hazard.RectificationReport;
import com.civilsafety.ledger.whistleblower.WhistleblowerTaskForms;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The features register the forms of their task kinds; a kind without a form, or with two, stops the start. */
class TaskFormCatalogueTest {
    private static final List<TaskForms> FEATURES = List.of(new HazardTaskForms(), new CampaignTaskForms(),
            new WhistleblowerTaskForms());

    @Test
    void everyKindHasTheFormItsFeatureRegistered() {
        TaskFormCatalogue catalogue = new TaskFormCatalogue(FEATURES);
        for (TaskKind kind : TaskKind.values()) {
            assertThat(catalogue.formOf(kind)).as(kind.name()).isNotNull();
        }
        assertThat(catalogue.formOf(TaskKind.RECTIFICATION)).isEqualTo(RectificationReport.class);
    }

    @Test
    void aKindWithoutAFormOrWithTwoIsRefused() {
        assertThatThrownBy(() -> new TaskFormCatalogue(List.of(new HazardTaskForms(), new CampaignTaskForms())))
                .hasMessageContaining("WHISTLEBLOWER_VERIFICATION");
        TaskForms again = () -> Map.of(TaskKind.RECTIFICATION, RectificationReport.class);
        assertThatThrownBy(() -> new TaskFormCatalogue(List.of(new HazardTaskForms(), new CampaignTaskForms(),
                new WhistleblowerTaskForms(), again))).hasMessageContaining("RECTIFICATION");
    }
}
