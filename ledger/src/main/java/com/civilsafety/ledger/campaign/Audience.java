package com.civilsafety.ledger.campaign;

/** Who owes a deliverable. */
public enum Audience {
    /**
     * every reporting unit in the campaign's scope: each township (乡镇民政办) and each institution the bureau runs
     * itself (直属机构) — the seed's 各乡镇、各直属机构
     */
    REPORTING_UNITS,
    /** every institution in the campaign's scope */
    INSTITUTIONS,
    /** the bureau section (业务股室) of each region the campaign was deployed over */
    BUREAU
}
