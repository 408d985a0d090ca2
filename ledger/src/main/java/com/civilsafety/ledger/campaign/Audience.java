package com.civilsafety.ledger.campaign;

/** Who owes a deliverable. */
public enum Audience {
    /** every township (乡镇民政办) in the campaign's scope */
    TOWNSHIPS,
    /** every institution in the campaign's scope */
    INSTITUTIONS,
    /** the bureau section (业务股室) of each region the campaign was deployed over */
    BUREAU
}
