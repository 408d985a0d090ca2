package com.civilsafety.ledger.notification;

/**
 * An outside channel (the extension point for an SMS vendor or a government messaging platform: docs/notifications.md).
 * A channel that is not configured takes no deliveries. {@link #send} either hands the message over or throws.
 */
public interface DeliveryChannel {
    Channel channel();

    boolean configured();

    void send(Outgoing message) throws DeliveryFailure;

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
