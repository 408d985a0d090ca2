package com.civilsafety.ledger.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due, a batch at a time, off the process's path: a step only wrote its rows, so a slow or broken mail
 * server never holds one up. Each attempt is recorded in a transaction of its own after the channel answered; a crash
 * in between leaves the delivery pending and it is sent again with the same message key (the receiver drops the
 * copy). Nothing is kept in memory: after a restart the pending rows are simply due.
 */
@Component
public class NotificationDispatcher {
    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 100;

    private final NotificationDeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final Map<Channel, DeliveryChannel> channels;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String baseUrl;

    public NotificationDispatcher(NotificationDeliveryRepository deliveries, NotificationRepository notifications,
                                  List<DeliveryChannel> channels,
                                  PlatformTransactionManager txManager, Clock clock,
                                  @Value("${civil-safety.notification.base-url:http://localhost:8080}") String baseUrl) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.channels = channels.stream().collect(Collectors.toMap(DeliveryChannel::channel, Function.identity()));
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Scheduled(fixedDelayString = "${civil-safety.notification.dispatch:PT5S}", initialDelayString = "PT5S")
    public void dispatchDue() {
        try {
            int sent;
            do {
                sent = dispatchBatch();
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            log.warn("notification dispatch stopped for now: {}", e.toString()); // the rows stay due: next round
        }
    }

    /** Sends one batch of due deliveries; answers how many were taken from the queue. */
    public int dispatchBatch() {
        List<Long> due = tx.execute(s -> deliveries.findDue(clock.instant(), PageRequest.of(0, BATCH)));
        for (Long id : due) {
            Optional<Attempt> attempt = tx.execute(s -> attempt(id));
            if (attempt.isEmpty()) {
                continue;
            }
            try {
                attempt.get().channel().send(attempt.get().message());
                record(id, d -> d.sent(clock.instant()));
            } catch (DeliveryChannel.DeliveryFailure e) {
                log.info("notification delivery {} failed ({}): {}", id, e.permanent() ? "permanent" : "will retry", e.getMessage());
                record(id, d -> d.failed(clock.instant(), e.getMessage(), e.permanent()));
            } catch (RuntimeException e) {
                log.warn("notification delivery {} failed unexpectedly", id, e);
                record(id, d -> d.failed(clock.instant(), e.toString(), false));
            }
        }
        return due.size();
    }

    private record Attempt(DeliveryChannel channel, DeliveryChannel.Outgoing message) {
    }

    /** The delivery as it is to be sent now; none if it was sent meanwhile, or given up if its channel is gone. */
    private Optional<Attempt> attempt(long deliveryId) {
        NotificationDelivery d = deliveries.findById(deliveryId).orElseThrow();
        if (d.getStatus() != DeliveryStatus.PENDING) {
            return Optional.empty();
        }
        DeliveryChannel channel = channels.get(d.getChannel());
        if (channel == null || !channel.configured()) {
            // switched off since the notice was written: an administrator resends it once the channel is back
            d.failed(clock.instant(), d.getChannel().label() + "通道未配置", true);
            return Optional.empty();
        }
        Notification n = notifications.findById(d.getNotificationId()).orElseThrow();
        return Optional.of(new Attempt(channel, new DeliveryChannel.Outgoing(d.messageKey(), d.getAddress(), n.getKind(),
                n.getTitle(), n.getBody(), baseUrl + n.getLink(), n.isUrgent())));
    }

    private void record(long deliveryId, java.util.function.Consumer<NotificationDelivery> outcome) {
        tx.executeWithoutResult(s -> outcome.accept(deliveries.findById(deliveryId).orElseThrow()));
    }
}
