package com.civilsafety.ledger.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An outside channel (the extension point for an SMS vendor or a government messaging platform: docs/notifications.md).
 * A channel that is not configured takes no deliveries. {@link #send} either hands the message over or throws;
 * {@link #sendAll} sends several, over one connection where the channel has such a thing.
 */
public interface DeliveryChannel {
    Channel channel();

    boolean configured();

    void send(Outgoing message) throws DeliveryFailure;

    /** Sends each; answers the failures by message key (empty: all handed over). */
    default Map<String, DeliveryFailure> sendAll(List<Outgoing> messages) {
        Map<String, DeliveryFailure> failed = new HashMap<>();
        for (Outgoing message : messages) {
            try {
                send(message);
            } catch (DeliveryFailure e) {
                failed.put(message.key(), e);
            }
        }
        return failed;
    }

    /** What a channel sends: the same {@code key} on every attempt; {@code url} the record's page on the platform. */
    record Outgoing(String key, String address, NotificationKind kind, String title, String body, String url,
                    boolean urgent) {
    }

    /** A failed attempt; {@code permanent} when trying again cannot help (a refused address, a refused request). */
    class DeliveryFailure extends Exception {
        private final boolean permanent;

        public DeliveryFailure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
