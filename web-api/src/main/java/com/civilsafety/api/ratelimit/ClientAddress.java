package com.civilsafety.api.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Who the client is, for budgets kept per client: its IPv4 address, or the /64 network of its IPv6 address — one
 * subscriber gets a whole /64 and could otherwise draw a fresh budget from each of its addresses. Behind the
 * production proxy the address is the one the proxy saw (profile {@code proxy}).
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr());
    }

    static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            InetAddress parsed = InetAddress.getByName(address); // a literal: no name lookup
            if (parsed instanceof Inet6Address) {
                byte[] network = java.util.Arrays.copyOf(parsed.getAddress(), 8);
                return HexFormat.of().formatHex(network) + "::/64";
            }
            return parsed.getHostAddress(); // IPv4 written as IPv6 (::ffff:a.b.c.d)
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
