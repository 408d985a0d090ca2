package com.civilsafety.ledger.institution;

import com.civilsafety.ledger.region.Region;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A supervised service institution, located in a township, with its responsible people and 包保 cadre. */
@Entity
public class Institution {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private InstitutionType type;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "region_id")
    private Region region;
    private String address;
    /** Beds for residential institutions, places otherwise. */
    private Integer capacity;
    private String principalName;
    private String principalPhone;
    private String safetyOfficerName;
    private String safetyOfficerPhone;
    /** The bureau cadre who 包保 (looks after) this institution. */
    @Column(name = "cadre_id")
    private Long cadreId;
    /** "一院一码": the id behind the institution's QR code. */
    private String qrCode;
    @Enumerated(EnumType.STRING)
    private InstitutionStatus status;
    private Instant createdAt;
    /** Self-checks in a row that reported no hazard at all. */
    private int zeroReportStreak;
    @Version
    private long version;

    protected Institution() {
    }

    public Institution(String code, String name, InstitutionType type, Region region, String address,
                       Integer capacity, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.region = region;
        this.address = address;
        this.capacity = capacity;
        this.qrCode = UUID.randomUUID().toString();
        this.status = InstitutionStatus.OPERATING;
        this.createdAt = createdAt;
    }

    public void assignPrincipal(String name, String phone) {
        this.principalName = name;
        this.principalPhone = phone;
    }

    public void assignSafetyOfficer(String name, String phone) {
        this.safetyOfficerName = name;
        this.safetyOfficerPhone = phone;
    }

    /** The register's record changed (变更登记); answers what changed, each field with its value before and after. */
    java.util.Map<String, java.util.List<Object>> update(InstitutionRecord record, Region newRegion) {
        java.util.Map<String, java.util.List<Object>> changes = new java.util.LinkedHashMap<>();
        code = changed(changes, "code", code, record.code().strip());
        name = changed(changes, "name", name, record.name().strip());
        type = changed(changes, "type", type, record.type());
        if (!region.getId().equals(newRegion.getId())) {
            changes.put("region", java.util.Arrays.asList(region.unitName(), newRegion.unitName()));
            region = newRegion;
        }
        address = changed(changes, "address", address, blankToNull(record.address()));
        capacity = changed(changes, "capacity", capacity, record.capacity());
        principalName = changed(changes, "principalName", principalName, blankToNull(record.principalName()));
        principalPhone = changed(changes, "principalPhone", principalPhone, blankToNull(record.principalPhone()));
        safetyOfficerName = changed(changes, "safetyOfficerName", safetyOfficerName, blankToNull(record.safetyOfficerName()));
        safetyOfficerPhone = changed(changes, "safetyOfficerPhone", safetyOfficerPhone, blankToNull(record.safetyOfficerPhone()));
        return changes;
    }

    /** 停业整顿, 关停 or back to 运营中; answers the status it had. */
    InstitutionStatus changeStatus(InstitutionStatus next) {
        InstitutionStatus before = status;
        status = next;
        return before;
    }

    private static <T> T changed(java.util.Map<String, java.util.List<Object>> changes, String field, T before, T after) {
        if (!java.util.Objects.equals(before, after)) {
            changes.put(field, java.util.Arrays.asList(before instanceof Enum<?> e ? e.name() : before,
                    after instanceof Enum<?> e ? e.name() : after));
        }
        return after;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public void assignCadre(Long cadreId) {
        this.cadreId = cadreId;
    }

    /** 长期零报告: this many self-checks in a row without a single hazard earn an institution more inspection. */
    public static final int ZERO_REPORT_FLAG_AT = 2;

    /** Counts a submitted self-check; true when it is the one that makes the institution 长期零报告. */
    public boolean recordSelfCheck(int hazardsFound) {
        zeroReportStreak = hazardsFound == 0 ? zeroReportStreak + 1 : 0;
        return zeroReportStreak == ZERO_REPORT_FLAG_AT;
    }

    public boolean isZeroReportFlagged() {
        return zeroReportStreak >= ZERO_REPORT_FLAG_AT;
    }

    public int getZeroReportStreak() {
        return zeroReportStreak;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public InstitutionType getType() {
        return type;
    }

    public Region getRegion() {
        return region;
    }

    public String getAddress() {
        return address;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public String getPrincipalName() {
        return principalName;
    }

    public String getPrincipalPhone() {
        return principalPhone;
    }

    public String getSafetyOfficerName() {
        return safetyOfficerName;
    }

    public String getSafetyOfficerPhone() {
        return safetyOfficerPhone;
    }

    public Long getCadreId() {
        return cadreId;
    }

    public String getQrCode() {
        return qrCode;
    }

    public InstitutionStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
