package com.civilsafety.ledger.campaign;

import com.civilsafety.ledger.hazard.HazardListRow;
import com.civilsafety.ledger.statistics.SafetyFigures;
import com.civilsafety.ledger.statistics.StatisticsReport;
import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.LocalDate;
import java.util.List;

/**
 * A monthly dispatch report's 《调度表》 and 《清单》: drafted from the ledger while it is open, frozen when submitted.
 * {@code table} holds the figures as reported — a township's or a directly-run institution's own row, or the county's
 * row per township and one for its directly-run institutions (as each submitted them, or from the ledger for those
 * that did not) — with the corrections applied to its total; {@code unitsNotSubmitted} names those that did not;
 * a county's {@code fields} are its sections' 本领域 totals (as each section sent them, or the ledger's), a section's
 * own report being the county's units of its field's types;
 * {@code ledgerTotal} is what the ledger said, so a correction never hides the ledger's figure.
 */
public record DispatchReportContent(String reportMonth, String level, String region, StatisticsReport table,
                                    SafetyFigures ledgerTotal, List<DispatchConfirmation.Correction> corrections,
                                    String notes, String signedBy, LocalDate submittedOn,
                                    @JsonAlias("townshipsNotSubmitted") List<String> unitsNotSubmitted,
                                    List<HazardListRow> hazards, List<StatisticsReport.Row> fields) {

    public static final String TOWNSHIP = "TOWNSHIP";
    /** A directly-run institution's (直属机构) own report. */
    public static final String DIRECTLY_RUN = "DIRECTLY_RUN";
    public static final String COUNTY = "COUNTY";
    /** A bureau section's 本领域 report: the county's units, of its field's institution types. */
    public static final String FIELD = "FIELD";

    public DispatchReportContent {
        fields = fields == null ? List.of() : fields; // reports frozen before sections consolidated fields have none
    }
}
