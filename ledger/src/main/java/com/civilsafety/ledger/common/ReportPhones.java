package com.civilsafety.ledger.common;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 举报电话 printed on the institutions' posters and shown with their safety cards ({@code civil-safety.whistleblower}):
 * {@code phone}, or a county's own ({@code phone-by-region}, by the region's code). None is assumed.
 */
@ConfigurationProperties("civil-safety.whistleblower")
public record ReportPhones(String phone, Map<String, String> phoneByRegion) {
    public ReportPhones {
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        phoneByRegion = phoneByRegion == null ? Map.of() : Map.copyOf(phoneByRegion);
    }

    /** The number of the first of these regions (most specific first) that has its own, else the default. */
    public String of(List<String> regionCodes) {
        return regionCodes.stream().map(phoneByRegion::get).filter(p -> p != null && !p.isBlank()).map(String::strip)
                .findFirst().orElse(phone);
    }
}
