package com.civilsafety.ledger.people;

import com.civilsafety.ledger.access.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import com.civilsafety.ledger.region.Region;

/** A user of the platform: bureau staff, township officers, institution managers, inspectors, experts and third parties. */
@Entity
public class Person {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String displayName;
    private String phone;
    /** BCrypt; null for people who only log in through Keycloak. */
    private String passwordHash;
    private boolean enabled;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "region_id")
    private Region region;
    @Column(name = "institution_id")
    private Long institutionId;
    /** the body an expert or a third party acts for (signed with their acceptance); null for the bureau's own people */
    private String organisation;
    /** the bureau section (股室) a section's person works in, its field's monthly consolidation theirs; else null */
    private String section;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private Instant createdAt;

    protected Person() {
    }

    public Person(String username, String displayName, String phone, String passwordHash, Region region,
                  Long institutionId, Set<Role> roles, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.phone = phone;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.region = region;
        this.institutionId = institutionId;
        this.roles = EnumSet.copyOf(roles);
        this.createdAt = createdAt;
    }

    /** The body the person acts for: an expert's unit, a third party's company. */
    public Person actingFor(String organisation) {
        this.organisation = organisation == null || organisation.isBlank() ? null : organisation.strip();
        return this;
    }

    /** The bureau section the person works in (福利股, 社会事务股 …). */
    public Person worksIn(String section) {
        this.section = section == null || section.isBlank() ? null : section.strip();
        return this;
    }

    /** Kept in step with the identity provider's token at each sign-in. */
    void signedInAs(String displayName, Region region, Long institutionId, Set<Role> roles, String organisation,
                    String section) {
        actingFor(organisation);
        worksIn(section);
        this.displayName = displayName;
        this.region = region;
        this.institutionId = institutionId;
        // changed in place and only when it differs: a new collection would be rewritten on every request
        if (!this.roles.equals(roles)) {
            this.roles.clear();
            this.roles.addAll(roles);
        }
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getOrganisation() {
        return organisation;
    }

    public String getSection() {
        return section;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPhone() {
        return phone;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Region getRegion() {
        return region;
    }

    public Long getInstitutionId() {
        return institutionId;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
