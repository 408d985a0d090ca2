package com.civilsafety.ledger.notification;

import com.civilsafety.ledger.access.Role;

/**
 * Who is told: everyone of a role whose data scope covers a record (its region path and institution), and who works
 * in the section it is for if any — the rule that decides who may do a task — or one person (a task assigned to someone).
 */
public record Recipients(Role role, String regionPath, Long institutionId, Long personId, String section) {

    public static Recipients covering(Role role, String regionPath, Long institutionId) {
        return new Recipients(role, regionPath, institutionId, null, null);
    }

    /** those of the role covering the record who work in the section (null: any) */
    public static Recipients covering(Role role, String regionPath, Long institutionId, String section) {
        return new Recipients(role, regionPath, institutionId, null, section);
    }

    /** everyone of the role, whatever their scope (a platform-wide matter: an incident) */
    public static Recipients everyone(Role role) {
        return new Recipients(role, null, null, null, null);
    }

    public static Recipients person(long personId) {
        return new Recipients(null, null, null, personId, null);
    }
}
