package com.civilsafety.ledger.notification;

import com.civilsafety.ledger.access.Role;

/**
 * Who is told: everyone of a role whose data scope covers a record (its region path and institution) — the rule that
 * decides who sees a task — or one person (a task assigned to someone).
 */
public record Recipients(Role role, String regionPath, Long institutionId, Long personId) {

    public static Recipients covering(Role role, String regionPath, Long institutionId) {
        return new Recipients(role, regionPath, institutionId, null);
    }

    /** everyone of the role, whatever their scope (a platform-wide matter: an incident) */
    public static Recipients everyone(Role role) {
        return new Recipients(role, null, null, null);
    }

    public static Recipients person(long personId) {
        return new Recipients(null, null, null, personId);
    }
}
