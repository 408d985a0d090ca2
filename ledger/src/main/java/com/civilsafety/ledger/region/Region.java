package com.civilsafety.ledger.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A node of the administrative tree 省 → 市 → 县 → 乡镇. {@code path} lists the codes from the root
 * ("/990000/990100/990121/"), so "everything in this county" is a prefix match.
 */
@Entity
public class Region {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private RegionLevel level;
    @Column(name = "parent_id")
    private Long parentId;
    private String path;

    protected Region() {
    }

    public Region(String code, String name, RegionLevel level, Region parent) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.parentId = parent == null ? null : parent.getId();
        this.path = (parent == null ? "/" : parent.getPath()) + code + "/";
    }

    /** How the forms name a reporting unit: a township by its name, a bureau's own institutions as 直属机构. */
    public String unitName() {
        return level == RegionLevel.TOWNSHIP ? name : name + "直属机构";
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

    public RegionLevel getLevel() {
        return level;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getPath() {
        return path;
    }
}
