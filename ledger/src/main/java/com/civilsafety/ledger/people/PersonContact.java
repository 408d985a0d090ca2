package com.civilsafety.ledger.people;

/**
 * What telling a person needs — who, the scope they act in, the number on record — read without the person's entity
 * (whose roles would be one more query each: two thousand for a campaign's managers).
 */
public record PersonContact(long id, String regionPath, Long institutionId, String phone, String section) {

    /** the rule of {@link PersonRepository#contactsCovering}: the record is in the person's region (and institution, if any) */
    public boolean covers(String recordRegionPath, Long recordInstitutionId) {
        return recordRegionPath.startsWith(regionPath) && (institutionId == null || institutionId.equals(recordInstitutionId));
    }
}
