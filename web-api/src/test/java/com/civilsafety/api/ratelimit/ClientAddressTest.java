package com.civilsafety.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A client's budget is its IPv4 address, or its IPv6 /64: one subscriber's many IPv6 addresses share one. */
class ClientAddressTest {

    @Test
    void ipv6AddressesOfOneNetworkAreOneClient() {
        assertThat(ClientAddress.of("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.of("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo("20010db800010002::/64");
        assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::1"));
    }

    @Test
    void ipv4IsItselfWrittenEitherWay() {
        assertThat(ClientAddress.of("10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.of("::ffff:10.1.2.3")).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.of("10.1.2.4")).isNotEqualTo(ClientAddress.of("10.1.2.3"));
    }
}
