package com.civilsafety.ledger.access;

import java.util.Set;

/**
 * Who does something, and the data scope they act in: a region subtree (by region path) and, for institution users,
 * one institution; for a bureau section's person, the section (股室) they work in, or null. Workers act as
 * {@link #SYSTEM}.
 */
public record Actor(Long personId, String username, String displayName, Set<Role> roles, String regionPath,
                    Long institutionId, String section) {

    public static final Actor SYSTEM = new Actor(null, "system", "系统", Set.of(), "/", null);

    public Actor {
        roles = Set.copyOf(roles);
    }

    public Actor(Long personId, String username, String displayName, Set<Role> roles, String regionPath, Long institutionId) {
        this(personId, username, displayName, roles, regionPath, institutionId, null);
    }

    /** Whether work meant for a section (null: for any) is this actor's section's. */
    public boolean worksIn(String wantedSection) {
        return wantedSection == null || wantedSection.equals(section);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether a record in this region (and, if given, this institution) is inside the actor's data scope. */
    public boolean covers(String recordRegionPath, Long recordInstitutionId) {
        if (institutionId != null) {
            return institutionId.equals(recordInstitutionId);
        }
        return recordRegionPath.startsWith(regionPath);
    }
}
