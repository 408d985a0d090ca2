package com.civilsafety.ledger.region;

public enum RegionLevel {
    PROVINCE("省"), CITY("市"), COUNTY("县"), TOWNSHIP("乡镇");

    private final String label;

    RegionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
